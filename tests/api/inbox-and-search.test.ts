import { beforeAll, describe, expect, it } from "vitest";
import { GET as conversations } from "@/app/messaging/api/conversations/route";
import { POST as markConversationRead } from "@/app/messaging/api/mark-conversation-read/[userId]/route";
import { POST as markRead } from "@/app/messaging/api/mark-read/[messageId]/route";
import { GET as searchUsers } from "@/app/messaging/api/search-users/route";
import { GET as unreadCount } from "@/app/messaging/api/unread-count/route";
import { storeMessage } from "../support/messages";
import type { User } from "@/db/schema";
import { createMember } from "../support/members";
import { call } from "../support/http";

type Row = { user: { id: number; username: string; name: string }; last_message: { content: string; id: number }; unread_count: number };

let me: User;
const say = (from: User, to: User, content: string, messageType: string | null = null) =>
  storeMessage({ senderId: from.id, receiverId: to.id, content, messageType });

beforeAll(async () => {
  me = await createMember({ name: "Quentin Caller" });
});

describe("GET /messaging/api/conversations/", () => {
  it("lists one row per partner with the latest message and unread count, newest first", async () => {
    const owner = await createMember();
    const p1 = await createMember();
    const p2 = await createMember();
    await say(p1, owner, "hi from p1", "coffee_chat");
    await say(p1, owner, "are you there?");
    await say(p2, owner, "hello from p2");
    await say(owner, p2, "hi p2!");
    const res = await call(conversations, "GET", "/messaging/api/conversations/", { as: owner });
    expect(res.status).toBe(200);
    const rows = res.json.conversations as Row[];
    expect(rows.map((r) => r.user.id)).toEqual([p2.id, p1.id]);
    expect(rows[0]).toMatchObject({ last_message: { content: "hi p2!" }, unread_count: 1 });
    expect(rows[1]).toMatchObject({ last_message: { content: "are you there?" }, unread_count: 2 });
    expect(rows[0]!.user).toMatchObject({ username: p2.username, name: p2.name });
  });

  it("counts in the header badge exactly what the inbox rows add up to, through sends and reads", async () => {
    const owner = await createMember();
    const partners = [await createMember(), await createMember(), await createMember()];
    const agree = async () => {
      const rows = (await call(conversations, "GET", "/", { as: owner })).json.conversations as Row[];
      const badge = (await call(unreadCount, "GET", "/", { as: owner })).json.unread_count;
      expect(badge).toBe(rows.reduce((sum, r) => sum + r.unread_count, 0));
      return badge;
    };
    for (const [i, p] of partners.entries()) for (let n = 0; n <= i; n++) await say(p, owner, `m${n}`);
    await say(owner, partners[0]!, "mine do not count");
    expect(await agree()).toBe(6);
    const { message } = await say(partners[2]!, owner, "one more");
    await call(markRead, "POST", "/", { as: owner, params: { messageId: String(message.id) } });
    expect(await agree()).toBe(6);
    await call(markConversationRead, "POST", "/", { as: owner, params: { userId: String(partners[1]!.id) } });
    expect(await agree()).toBe(4);
  });

  it("pages with before= and caps at 50 rows", async () => {
    const owner = await createMember();
    for (let i = 0; i < 52; i++) await say(await createMember(), owner, `row ${i}`);
    const first = await call(conversations, "GET", "/", { as: owner });
    const rows = first.json.conversations as Row[];
    expect(rows).toHaveLength(50);
    expect(first.json.has_more).toBe(true);
    expect(rows[0]!.last_message.content).toBe("row 51");
    const before = rows[49]!.last_message.id;
    const rest = await call(conversations, "GET", `/?before=${before}`, { as: owner });
    expect((rest.json.conversations as Row[]).map((r) => r.last_message.content)).toEqual(["row 1", "row 0"]);
    expect(rest.json.has_more).toBe(false);
  });

  it("answers 401 signed out and 400 for a bad cursor", async () => {
    expect((await call(conversations, "GET", "/")).status).toBe(401);
    expect((await call(conversations, "GET", "/?before=nope", { as: me })).status).toBe(400);
  });
});

describe("GET /messaging/api/search-users/?q=", () => {
  const search = (q: string) => call(searchUsers, "GET", `/messaging/api/search-users/?q=${encodeURIComponent(q)}`, { as: me });

  it("finds members by a substring of name or username, case-insensitively, never the caller", async () => {
    const target = await createMember({ name: "Quentin Tarantula", username: "qt_director" });
    const byName = await search("TARANT");
    expect(byName.status).toBe(200);
    expect(byName.json.users).toEqual([{ id: target.id, username: "qt_director", name: "Quentin Tarantula", headline: "" }]);
    const byUsername = await search("t_dir");
    expect((byUsername.json.users as { id: number }[]).map((u) => u.id)).toEqual([target.id]);
    const quentins = (await search("quentin")).json.users as { id: number }[];
    expect(quentins.map((u) => u.id)).not.toContain(me.id);
  });

  it("treats % and _ literally and returns at most 20", async () => {
    for (let i = 0; i < 22; i++) await createMember({ name: `Zanzibar Person ${i}` });
    expect((await search("zanzibar")).json.users).toHaveLength(20);
    expect((await search("%")).json.users).toEqual([]);
    expect((await search("r_p")).json.users).toEqual([]);
  });

  it("answers an empty list for an empty query, 400 for a huge one, 401 signed out", async () => {
    expect((await search("")).json).toEqual({ success: true, users: [] });
    expect((await search("x".repeat(101))).status).toBe(400);
    expect((await call(searchUsers, "GET", "/?q=a")).status).toBe(401);
  });
});
