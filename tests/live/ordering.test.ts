import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as messagesRoute } from "@/app/messaging/api/messages/[userId]/route";
import { POST as sendRoute } from "@/app/messaging/api/send/route";
import { getDatabaseHandle, getDb, withTransaction } from "@/db/connection";
import { insertMessage } from "@/db/queries/messages";
import type { User } from "@/db/schema";
import { startLiveDelivery, stopLiveDelivery } from "@/lib/live/hub";
import { call } from "../support/http";
import { createMember } from "../support/members";
import { messageEvents, openStream, type OpenStream } from "../support/events";

const onServer = Boolean(process.env.DATABASE_URL);
const streams: OpenStream[] = [];

beforeAll(async () => {
  await startLiveDelivery(await getDatabaseHandle());
});

afterAll(async () => {
  streams.forEach((s) => s.close());
  await stopLiveDelivery();
});

/** A send that has drawn its id and stays uncommitted until `release()`. */
async function holdSend(from: User, to: User) {
  let release!: () => void;
  let inserted!: (id: number) => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const heldId = new Promise<number>((resolve) => (inserted = resolve));
  const heldSend = withTransaction(async (tx) => {
    const message = await insertMessage(tx, { senderId: from.id, receiverId: to.id, content: "held", messageType: null });
    inserted(message!.id);
    await held;
  });
  return { firstId: await heldId, release, heldSend };
}

/** What a polling client of the pair gets after `after` (ids only). */
async function poll(me: User, partner: User, after: number): Promise<number[]> {
  const res = await call(messagesRoute, "GET", `/messaging/api/messages/${partner.id}/?after=${after}`, {
    as: me,
    params: { userId: String(partner.id) },
  });
  expect(res.status).toBe(200);
  return (res.json.messages as { id: number }[]).map((m) => m.id);
}

describe("no message is skipped when sends commit out of order", () => {
  it("a send whose transaction is held open still reaches a polling and a streaming client after a later send", async () => {
    const [ann, ben] = [await createMember(), await createMember()];
    const warmUp = await call(sendRoute, "POST", "/messaging/api/send/", { as: ann, body: { receiver_id: ben.id, content: "start" } });
    const cursor = (warmUp.json.message as { id: number }).id;
    const live = await openStream(ben, { lastEventId: cursor });
    streams.push(live);

    // 1. A send takes its id and stays uncommitted until released.
    const { firstId, release, heldSend } = await holdSend(ann, ben);

    // 2. A later send to the same member, and a poll, while the first is open.
    const laterSend = call(sendRoute, "POST", "/messaging/api/send/", { as: ann, body: { receiver_id: ben.id, content: "later" } });
    const polledDuringHold = poll(ben, ann, cursor);
    if (onServer) {
      // Give the later send every chance to commit first (it may not: it waits for the held one's lock).
      await new Promise((resolve) => setTimeout(resolve, 300));
      const seenSoFar = await polledDuringHold;
      expect(seenSoFar).not.toContain(firstId);
    }
    release();
    await heldSend;
    const laterId = ((await laterSend).json.message as { id: number }).id;

    // 3. The polling client asks after the newest id it has seen; the stream just listens.
    const firstPoll = await polledDuringHold;
    const secondPoll = await poll(ben, ann, Math.max(cursor, ...firstPoll));
    const polled = [...firstPoll, ...secondPoll];
    expect(polled).toContain(firstId);
    expect(polled).toContain(laterId);
    expect(laterId).toBeGreaterThan(firstId);

    await live.next((e) => e.event === "message" && e.id === String(laterId));
    await live.next((e) => e.event === "message" && e.id === String(firstId));
    expect(messageEvents(live)).toEqual([firstId, laterId]);
  });
});

describe("a poll of one conversation", () => {
  it("gets a send whose transaction began before a later send but wrote after it", async () => {
    const [ann, ben] = [await createMember(), await createMember()];
    const start = await call(sendRoute, "POST", "/messaging/api/send/", { as: ann, body: { receiver_id: ben.id, content: "start" } });
    const cursor = (start.json.message as { id: number }).id;
    let go!: () => void;
    let begun!: () => void;
    const gate = new Promise<void>((resolve) => (go = resolve));
    const hasBegun = new Promise<void>((resolve) => (begun = resolve));
    // The slow send's transaction starts (its now() is early), then waits before writing.
    const slowSend = withTransaction(async (tx) => {
      await tx.execute(sql`select 1`);
      begun();
      await gate;
      return (await insertMessage(tx, { senderId: ann.id, receiverId: ben.id, content: "slow", messageType: null }))!.id;
    });
    await hasBegun;
    const fastSend = call(sendRoute, "POST", "/messaging/api/send/", { as: ben, body: { receiver_id: ann.id, content: "fast" } });
    if (onServer) await fastSend;
    const firstPoll = onServer ? await poll(ann, ben, cursor) : [];
    go();
    const slowId = await slowSend;
    const fastId = ((await fastSend).json.message as { id: number }).id;
    const secondPoll = await poll(ann, ben, Math.max(cursor, ...firstPoll));
    expect([...firstPoll, ...secondPoll].sort((a, b) => a - b)).toEqual([fastId, slowId].sort((a, b) => a - b));
  });
});

describe("a stream resumed across conversations", () => {
  it("gets a message that committed after a later one from another member it had already seen", async () => {
    const [ann, ben, cy] = [await createMember(), await createMember(), await createMember()];
    const start = await call(sendRoute, "POST", "/messaging/api/send/", { as: ann, body: { receiver_id: ben.id, content: "start" } });
    const cursor = (start.json.message as { id: number }).id;
    // Ben's phone is connected, and sees whatever arrives while Ann's send is open.
    const before = await openStream(ben, { lastEventId: cursor });
    streams.push(before);

    // Ann's send to Ben takes its id and stays open; Cy's later send to Ben is under way meanwhile.
    const { firstId, release, heldSend } = await holdSend(ann, ben);
    const laterSend = call(sendRoute, "POST", "/messaging/api/send/", { as: cy, body: { receiver_id: ben.id, content: "later" } });

    // Then it loses its connection.
    if (onServer) await new Promise((resolve) => setTimeout(resolve, 300));
    before.close();
    await before.closed;
    const seen = messageEvents(before);
    release();
    await heldSend;
    const laterId = ((await laterSend).json.message as { id: number }).id;

    // It comes back, resuming after the newest message it saw.
    const after = await openStream(ben, { lastEventId: Math.max(cursor, ...seen) });
    streams.push(after);
    const expected = [firstId, laterId].filter((id) => !seen.includes(id));
    for (const id of expected) await after.next((e) => e.event === "message" && e.id === String(id));
    expect([...seen, ...messageEvents(after)].sort((a, b) => a - b)).toEqual([firstId, laterId]);
  });
});

describe.skipIf(!onServer)("the listening connection dropped (PostgreSQL)", () => {
  it("tells every stream to resync, then delivers again once it is back", async () => {
    const [ann, ben] = [await createMember(), await createMember()];
    const s = await openStream(ben);
    streams.push(s);
    await s.next((e) => e.event === "unread");
    const db = await getDb();
    await db.execute(sql`
      select pg_terminate_backend(pid) from pg_stat_activity
      where application_name = 'community-listen' and datname = current_database()`);
    await s.next((e) => e.event === "resync", 15_000);
    const res = await call(sendRoute, "POST", "/messaging/api/send/", { as: ann, body: { receiver_id: ben.id, content: "after the gap" } });
    const id = (res.json.message as { id: number }).id;
    await s.next((e) => e.event === "message" && e.id === String(id), 10_000);
  }, 30_000);
});
