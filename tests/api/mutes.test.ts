import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as mutesGet, POST as mutesPost, DELETE as mutesDelete } from "@/app/messaging/api/mutes/route";
import { GET as unreadCount } from "@/app/messaging/api/unread-count/route";
import { getDatabaseHandle } from "@/db/connection";
import type { User } from "@/db/schema";
import { startLiveDelivery, stopLiveDelivery } from "@/lib/live/hub";
import { openStream, type OpenStream } from "../support/events";
import { call } from "../support/http";
import { createMember } from "../support/members";
import { storeMessage } from "../support/messages";

const PATH = "/messaging/api/mutes/";
let ana: User, ben: User, cleo: User;
const mute = (as: User, body: unknown) => call(mutesPost, "POST", PATH, { as, body });
const mutedOf = async (as: User) => (await call(mutesGet, "GET", PATH, { as })).json.muted;
const counts = async (as: User) => {
  const { json } = await call(unreadCount, "GET", "/messaging/api/unread-count/", { as });
  return { unread_count: json.unread_count, muted_unread_count: json.muted_unread_count };
};
const say = (from: User, to: User, content: string) => storeMessage({ senderId: from.id, receiverId: to.id, content, messageType: null });

beforeAll(async () => {
  ana = await createMember();
  ben = await createMember();
  cleo = await createMember();
});

describe("/messaging/api/mutes/", () => {
  it("mutes and unmutes a conversation for the member only, and the unread count says how much of it is muted", async () => {
    await say(ben, ana, "one");
    await say(ben, ana, "two");
    await say(cleo, ana, "three");
    expect(await mutedOf(ana)).toEqual([]);
    expect(await counts(ana)).toEqual({ unread_count: 3, muted_unread_count: 0 });

    const muted = await mute(ana, { user_id: ben.id, muted: true });
    expect(muted.status).toBe(200);
    expect(muted.json).toEqual({ success: true, user_id: ben.id, muted: true });
    // Twice is the same as once.
    expect((await mute(ana, { user_id: String(ben.id), muted: true })).status).toBe(200);
    expect(await mutedOf(ana)).toEqual([ben.id]);
    expect(await counts(ana)).toEqual({ unread_count: 3, muted_unread_count: 2 });
    // Ben's own view is untouched.
    expect(await mutedOf(ben)).toEqual([]);

    await say(ben, ana, "four");
    expect(await counts(ana)).toEqual({ unread_count: 4, muted_unread_count: 3 });

    expect((await mute(ana, { user_id: ben.id, muted: false })).json).toEqual({ success: true, user_id: ben.id, muted: false });
    expect(await mutedOf(ana)).toEqual([]);
    expect(await counts(ana)).toEqual({ unread_count: 4, muted_unread_count: 0 });
  });

  it("a member can mute a conversation before its first message", async () => {
    const dan = await createMember();
    expect((await mute(dan, { user_id: cleo.id, muted: true })).status).toBe(200);
    await say(cleo, dan, "hello");
    expect(await counts(dan)).toEqual({ unread_count: 1, muted_unread_count: 1 });
  });

  it.each([
    [{ muted: true }, 400, "user_id"],
    [{ user_id: "abc", muted: true }, 400, "user_id"],
    [{ user_id: -4, muted: true }, 400, "user_id"],
    [{ user_id: 1, muted: "yes" }, 400, "muted must be true or false."],
    [{ user_id: 1 }, 400, "muted must be true or false."],
  ])("answers a clear 400 for %j", async (body, status, sentence) => {
    const res = await mute(ana, body);
    expect(res.status).toBe(status);
    expect(res.json.success).toBe(false);
    expect(res.json.error).toContain(sentence);
  });

  it("answers 400 for oneself, 404 for nobody, 401 signed out, 403 without the CSRF token, 405 for other methods", async () => {
    expect(await mute(ana, { user_id: ana.id, muted: true })).toMatchObject({
      status: 400,
      json: { success: false, error: "You cannot mute a conversation with yourself." },
    });
    expect(await mute(ana, { user_id: 2_000_000_000, muted: true })).toMatchObject({ status: 404, json: { error: "No member with that id." } });
    expect((await call(mutesPost, "POST", PATH, { body: { user_id: ben.id, muted: true } })).status).toBe(401);
    expect((await call(mutesGet, "GET", PATH)).status).toBe(401);
    expect((await call(mutesPost, "POST", PATH, { as: ana, body: { user_id: ben.id, muted: true }, csrf: "missing" })).status).toBe(403);
    const wrong = await call(mutesDelete, "DELETE", PATH, { as: ana });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, POST");
    expect(await mutedOf(ana)).toEqual([]);
  });
});

describe("a mute on the member's other screens", () => {
  const streams: OpenStream[] = [];
  beforeAll(async () => {
    await startLiveDelivery(await getDatabaseHandle());
  });
  afterAll(async () => {
    streams.forEach((s) => s.close());
    await stopLiveDelivery();
  });

  it("pushes a mute event and the new muted part of the unread count to the member, once per change", async () => {
    const eve = await createMember();
    const fay = await createMember();
    await say(fay, eve, "unread one");
    const other = await openStream(eve);
    streams.push(other);
    await other.next((e) => e.event === "unread");
    await mute(eve, { user_id: fay.id, muted: true });
    expect((await other.next((e) => e.event === "mute")).data).toEqual({ user_id: fay.id, muted: true });
    expect((await other.next((e) => e.event === "unread" && e.data.muted_unread_count === 1)).data).toEqual({
      unread_count: 1,
      muted_unread_count: 1,
    });
    // A repeat changes nothing and says nothing; the unmute does.
    await mute(eve, { user_id: fay.id, muted: true });
    await mute(eve, { user_id: fay.id, muted: false });
    expect((await other.next((e) => e.event === "mute" && e.data.muted === false)).data).toEqual({ user_id: fay.id, muted: false });
    expect(other.events.filter((e) => e.event === "mute")).toHaveLength(2);
  });
});
