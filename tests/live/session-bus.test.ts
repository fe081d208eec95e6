import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as unreadCount } from "@/app/messaging/api/unread-count/route";
import { getDatabaseHandle, getDb } from "@/db/connection";
import { notifyStatement } from "@/db/events";
import { revokeSession } from "@/db/queries/sessions";
import type { User } from "@/db/schema";
import { startLiveDelivery, stopLiveDelivery } from "@/lib/live/hub";
import { bridgeSessionRevocations } from "@/lib/live/session-bridge";
import { call } from "../support/http";
import { openStream } from "../support/events";
import { createMember, sessionToken } from "../support/members";

// As the server runs: revocations travel on the live bus, and a live session is read again only every 30 s.
const onServer = Boolean(process.env.DATABASE_URL);
const CSRF = "test-csrf-token-0123456789";
let unbridge: () => void;

async function browserOf(member: User) {
  const { token, sessionId } = await sessionToken(member);
  return { sessionId, headers: { cookie: `next-auth.session-token=${token}; csrftoken=${CSRF}` } };
}
const unreadStatus = async (headers: Record<string, string>) =>
  (await call(unreadCount, "GET", "/messaging/api/unread-count/", { headers })).status;

beforeAll(async () => {
  await startLiveDelivery(await getDatabaseHandle());
  unbridge = bridgeSessionRevocations();
});

afterAll(async () => {
  unbridge();
  await stopLiveDelivery();
});

describe("sessions with revocations on the live bus", () => {
  it("trust a live session between backstop reads: a row changed without a notice is not read every second", async () => {
    const member = await createMember();
    const browser = await browserOf(member);
    expect(await unreadStatus(browser.headers)).toBe(200);
    await revokeSession(browser.sessionId); // by hand, as SQL would: no notice
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await unreadStatus(browser.headers)).toBe(200);
  });

  it("are refused as soon as another instance announces the sign-out", async () => {
    const member = await createMember();
    const [laptop, phone] = [await browserOf(member), await browserOf(member)];
    expect(await unreadStatus(laptop.headers)).toBe(200);
    expect(await unreadStatus(phone.headers)).toBe(200);
    // What another instance's sign-out does: revoke, then NOTIFY.
    await revokeSession(laptop.sessionId);
    await (await getDb()).execute(notifyStatement({ k: "signout", member: member.id, session: laptop.sessionId }));
    await expect.poll(() => unreadStatus(laptop.headers), { timeout: 5_000 }).toBe(401);
    expect(await unreadStatus(phone.headers)).toBe(200);
  });
});

describe.skipIf(!onServer)("sessions when the listener missed notices (PostgreSQL)", () => {
  it("are all read again once it reconnects: one revoked meanwhile is refused", async () => {
    const member = await createMember();
    const browser = await browserOf(member);
    expect(await unreadStatus(browser.headers)).toBe(200);
    const watcher = await openStream(await createMember());
    await watcher.next((e) => e.event === "unread");
    const db = await getDb();
    await db.execute(sql`
      select pg_terminate_backend(pid) from pg_stat_activity
      where application_name = 'community-listen' and datname = current_database()`);
    await revokeSession(browser.sessionId); // its notice, had there been one, would be lost with the connection
    await watcher.next((e) => e.event === "resync", 15_000);
    expect(await unreadStatus(browser.headers)).toBe(401);
    watcher.close();
  }, 30_000);
});
