import { beforeAll, describe, expect, it } from "vitest";
import { GET as messages, POST as messagesPost } from "@/app/messaging/api/messages/[userId]/route";
import { POST as markRead, GET as markReadGet } from "@/app/messaging/api/mark-read/[messageId]/route";
import { POST as markConversation } from "@/app/messaging/api/mark-conversation-read/[userId]/route";
import { GET as unreadCount } from "@/app/messaging/api/unread-count/route";
import { storeMessage } from "../support/messages";
import type { User } from "@/db/schema";
import { createMember } from "../support/members";
import { call } from "../support/http";

type MessageJson = { id: number; content: string; sender_id: number; receiver_id: number; is_read: boolean; read_at: string | null };

let alice: User, bob: User, outsider: User;
const say = async (from: User, to: User, content: string) =>
  (await storeMessage({ senderId: from.id, receiverId: to.id, content, messageType: null })).message;
const page = (as: User, partner: User | number, query = "") => {
  const id = typeof partner === "number" ? partner : partner.id;
  return call(messages, "GET", `/messaging/api/messages/${id}/${query}`, { as, params: { userId: String(id) } });
};
const unread = async (as: User) => (await call(unreadCount, "GET", "/messaging/api/unread-count/", { as })).json.unread_count;

beforeAll(async () => {
  alice = await createMember();
  bob = await createMember();
  outsider = await createMember();
});

describe("GET /messaging/api/messages/<user_id>/", () => {
  it("shows the pair's messages oldest first, with the other user, to both participants", async () => {
    await say(alice, bob, "first");
    await say(bob, alice, "second");
    await say(outsider, bob, "not for alice");
    const forAlice = await page(alice, bob);
    expect(forAlice.status).toBe(200);
    expect((forAlice.json.messages as MessageJson[]).map((m) => m.content)).toEqual(["first", "second"]);
    expect(forAlice.json.other_user).toMatchObject({ id: bob.id, username: bob.username, name: bob.name });
    expect(forAlice.json.has_more).toBe(false);
    const forBob = await page(bob, alice);
    expect((forBob.json.messages as MessageJson[]).map((m) => m.content)).toEqual(["first", "second"]);
  });

  it("never shows an outsider someone else's conversation", async () => {
    const res = await page(outsider, alice);
    expect(res.status).toBe(200);
    expect(res.json.messages).toEqual([]);
  });

  it("pages with limit, before and after", async () => {
    const x = await createMember();
    const y = await createMember();
    const sent: number[] = [];
    for (let i = 0; i < 8; i++) sent.push((await say(i % 2 ? x : y, i % 2 ? y : x, `p${i}`)).id);
    const newest = await page(x, y, "?limit=3");
    expect((newest.json.messages as MessageJson[]).map((m) => m.content)).toEqual(["p5", "p6", "p7"]);
    expect(newest.json.has_more).toBe(true);
    const older = await page(x, y, `?limit=3&before=${sent[5]}`);
    expect((older.json.messages as MessageJson[]).map((m) => m.content)).toEqual(["p2", "p3", "p4"]);
    const poll = await page(y, x, `?after=${sent[6]}`);
    expect((poll.json.messages as MessageJson[]).map((m) => m.content)).toEqual(["p7"]);
    expect(poll.json.has_more).toBe(false);
  });

  it("defaults to 50 and caps the limit at 100", async () => {
    const x = await createMember();
    const y = await createMember();
    for (let i = 0; i < 105; i++) await say(x, y, `bulk ${i}`);
    const byDefault = await page(x, y);
    expect(byDefault.json.messages).toHaveLength(50);
    expect(byDefault.json.has_more).toBe(true);
    const capped = await page(x, y, "?limit=1000");
    expect(capped.json.messages).toHaveLength(100);
  });

  it.each([
    ["?limit=abc", "limit must be a whole number."],
    ["?limit=0", "limit must be at least 1."],
    ["?limit=-5", "limit must be a whole number."],
    ["?before=xyz", "before must be a whole number from 1 to 9007199254740991."],
    ["?before=1&after=2", "Use before or after, not both."],
  ])("answers 400 for %s", async (query, sentence) => {
    const res = await page(alice, bob, query);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ success: false, error: sentence });
  });

  it("answers 404 for an unknown user and 400 for a bad id or yourself", async () => {
    expect((await page(alice, 999999)).status).toBe(404);
    const bad = await call(messages, "GET", "/messaging/api/messages/abc/", { as: alice, params: { userId: "abc" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe("The user id must be a whole number from 1 to 2147483647.");
    expect((await page(alice, alice)).status).toBe(400);
  });

  it("answers 401 when signed out and 405 for POST", async () => {
    const res = await call(messages, "GET", "/", { params: { userId: String(bob.id) } });
    expect(res.status).toBe(401);
    expect((await call(messagesPost, "POST", "/", { as: alice, params: { userId: String(bob.id) } })).status).toBe(405);
  });
});

describe("POST /messaging/api/mark-read/<message_id>/", () => {
  const mark = (as: User | null, id: number | string, csrf?: "missing") =>
    call(markRead, "POST", `/messaging/api/mark-read/${id}/`, { as, params: { messageId: String(id) }, csrf });

  it("lets the receiver mark a message read, setting read_at, and lowers the unread count", async () => {
    const x = await createMember();
    const y = await createMember();
    const message = await say(x, y, "please read");
    expect(await unread(y)).toBe(1);
    const res = await mark(y, message.id);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ success: true });
    expect(await unread(y)).toBe(0);
    const [stored] = (await page(y, x)).json.messages as MessageJson[];
    expect(stored!.is_read).toBe(true);
    expect(stored!.read_at).toMatch(/Z$/);
    expect((await mark(y, message.id)).status).toBe(200); // again: still fine, nothing changes
  });

  it("refuses the sender with 403 and anyone else with the same 404 as a missing message", async () => {
    const message = await say(alice, bob, "mine");
    const bySender = await mark(alice, message.id);
    expect(bySender.status).toBe(403);
    expect(bySender.json).toEqual({ success: false, error: "Only the receiver can mark a message as read." });
    const byOutsider = await mark(outsider, message.id);
    const missing = await mark(outsider, 99999999);
    expect(byOutsider.status).toBe(404);
    expect(byOutsider.json).toEqual(missing.json);
    expect(missing.json).toEqual({ success: false, error: "No such message." });
  });

  it("answers 400 for a bad id, 401 signed out, 403 without CSRF, 405 for GET", async () => {
    expect((await mark(alice, "abc")).status).toBe(400);
    expect((await mark(null, 1)).status).toBe(401);
    const message = await say(alice, bob, "csrf");
    expect((await mark(bob, message.id, "missing")).status).toBe(403);
    expect((await call(markReadGet, "GET", "/", { as: bob, params: { messageId: "1" } })).status).toBe(405);
  });
});

describe("POST /messaging/api/mark-conversation-read/<user_id>/", () => {
  it("marks everything from that partner read in one call and says how many", async () => {
    const x = await createMember();
    const y = await createMember();
    await say(x, y, "1");
    await say(x, y, "2");
    await say(outsider, y, "other");
    const res = await call(markConversation, "POST", "/", { as: y, params: { userId: String(x.id) } });
    expect(res.json).toEqual({ success: true, marked: 2 });
    expect(await unread(y)).toBe(1);
    const again = await call(markConversation, "POST", "/", { as: y, params: { userId: String(x.id) } });
    expect(again.json.marked).toBe(0);
  });

  it("answers 404 for an unknown partner", async () => {
    const res = await call(markConversation, "POST", "/", { as: alice, params: { userId: "424242" } });
    expect(res.status).toBe(404);
  });
});

describe("GET /messaging/api/unread-count/", () => {
  it("counts only the signed-in member's unread messages", async () => {
    const x = await createMember();
    const y = await createMember();
    await say(x, y, "a");
    await say(x, y, "b");
    await say(y, x, "c");
    expect(await call(unreadCount, "GET", "/", { as: y })).toMatchObject({ status: 200, json: { success: true, unread_count: 2 } });
    expect(await unread(x)).toBe(1);
    expect((await call(unreadCount, "GET", "/")).status).toBe(401);
  });
});
