import { storeMessage } from "../support/messages";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/connection";
import {
  countUnread,
  getConversationsForUser,
  getMessagesBetweenUsers,
  markAsRead,
  markConversationRead,
  searchUsers,
} from "@/db/queries";
import { setConversationMuted } from "@/db/queries/mutes";
import { rowsOf } from "@/db/queries/sql";
import type { User } from "@/db/schema";
import { createMember } from "../support/members";

let a: User, b: User, c: User;

const send = (from: User, to: User, content: string, idempotencyKey?: string) =>
  storeMessage({ senderId: from.id, receiverId: to.id, content, messageType: null, idempotencyKey });

beforeAll(async () => {
  a = await createMember({ name: "Ada Lovelace" });
  b = await createMember({ name: "Brian Kernighan" });
  c = await createMember({ name: "Claude Shannon" });
});

describe("getMessagesBetweenUsers", () => {
  it("pages a pair oldest first with before/after cursors and has_more", async () => {
    const sent = [];
    for (let i = 0; i < 7; i++) sent.push((await send(i % 2 ? a : b, i % 2 ? b : a, `m${i}`)).message);
    await send(a, c, "not in this pair");

    const newest = await getMessagesBetweenUsers(a.id, b.id, { limit: 3 });
    expect(newest.messages.map((m) => m.content)).toEqual(["m4", "m5", "m6"]);
    expect(newest.hasMore).toBe(true);

    const older = await getMessagesBetweenUsers(b.id, a.id, { limit: 3, before: newest.messages[0]!.id });
    expect(older.messages.map((m) => m.content)).toEqual(["m1", "m2", "m3"]);
    const oldest = await getMessagesBetweenUsers(a.id, b.id, { limit: 3, before: older.messages[0]!.id });
    expect(oldest.messages.map((m) => m.content)).toEqual(["m0"]);
    expect(oldest.hasMore).toBe(false);

    const since = await getMessagesBetweenUsers(a.id, b.id, { limit: 50, after: sent[4]!.id });
    expect(since.messages.map((m) => m.content)).toEqual(["m5", "m6"]);
    expect(since.hasMore).toBe(false);
    const sinceFew = await getMessagesBetweenUsers(a.id, b.id, { limit: 1, after: sent[4]!.id });
    expect(sinceFew.messages.map((m) => m.content)).toEqual(["m5"]);
    expect(sinceFew.hasMore).toBe(true);
  });

  it("treats a cursor from another pair as matching nothing", async () => {
    const other = (await send(a, c, "elsewhere")).message;
    const page = await getMessagesBetweenUsers(a.id, b.id, { limit: 10, before: other.id });
    expect(page.messages).toEqual([]);
  });
});

describe("insertMessage", () => {
  it("returns the first message for a repeated client id and creates nothing", async () => {
    const idempotencyKey = "6f1c2f5e-4a39-4e8e-9a43-0d8f5b7f2a11";
    const first = await send(c, b, "once", idempotencyKey);
    const again = await send(c, b, "once", idempotencyKey);
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.message.id).toBe(first.message.id);
    const page = await getMessagesBetweenUsers(b.id, c.id, { limit: 50 });
    expect(page.messages.filter((m) => m.content === "once")).toHaveLength(1);
  });
});

describe("read state", () => {
  it("markAsRead sets read_at once and only for the receiver", async () => {
    const x = await createMember();
    const y = await createMember();
    const { message } = await send(x, y, "read me");
    expect(await markAsRead(message.id, x.id)).toBe(false);
    expect(await countUnread(y.id)).toBe(1);
    expect(await markAsRead(message.id, y.id)).toBe(true);
    expect(await markAsRead(message.id, y.id)).toBe(false);
    const [read] = (await getMessagesBetweenUsers(x.id, y.id, { limit: 5 })).messages;
    expect(read!.isRead).toBe(true);
    expect(read!.readAt).toBeInstanceOf(Date);
    expect(await countUnread(y.id)).toBe(0);
  });

  it("markConversationRead marks only that partner's messages and reports the count", async () => {
    const x = await createMember();
    const y = await createMember();
    const z = await createMember();
    await send(x, y, "1");
    await send(x, y, "2");
    await send(z, y, "3");
    await send(y, x, "mine");
    expect(await countUnread(y.id)).toBe(3);
    expect(await markConversationRead(y.id, x.id)).toBe(2);
    expect(await markConversationRead(y.id, x.id)).toBe(0);
    expect(await countUnread(y.id)).toBe(1);
    expect(await countUnread(x.id)).toBe(1);
  });

  it("countUnread is 0 for a member with no conversation and counts muted conversations too", async () => {
    const x = await createMember();
    const y = await createMember();
    const z = await createMember();
    expect(await countUnread(y.id)).toBe(0);
    await send(x, y, "from a muted partner");
    await send(z, y, "from another");
    await setConversationMuted(await getDb(), y.id, x.id, true);
    expect(await countUnread(y.id)).toBe(2);
  });
});

describe("getConversationsForUser", () => {
  it("lists one row per partner, newest first, with unread counts, paged by cursor", async () => {
    const me = await createMember();
    const partners = [await createMember(), await createMember(), await createMember()];
    for (const p of partners) await send(p, me, `hello from ${p.name}`);
    await send(me, partners[0]!, "reply to the first");

    const inbox = await getConversationsForUser(me.id, { limit: 2 });
    expect(inbox.conversations.map((r) => r.partner.id)).toEqual([partners[0]!.id, partners[2]!.id]);
    expect(inbox.conversations[0]!.lastMessage.content).toBe("reply to the first");
    expect(inbox.conversations[0]!.unreadCount).toBe(1);
    expect(inbox.hasMore).toBe(true);
    const rest = await getConversationsForUser(me.id, { limit: 2, before: inbox.conversations[1]!.lastMessage.id });
    expect(rest.conversations.map((r) => r.partner.id)).toEqual([partners[1]!.id]);
    expect(rest.hasMore).toBe(false);
  });

  it("returns the partner's public card and the last message as the pair page has it", async () => {
    const me = await createMember();
    const partner = await createMember({ name: "Grace Hopper", headline: "Compilers" });
    await send(me, partner, "first");
    await send(partner, me, "last, unread");
    const [row] = (await getConversationsForUser(me.id)).conversations;
    const newest = (await getMessagesBetweenUsers(me.id, partner.id, { limit: 1 })).messages[0]!;
    expect(row).toEqual({
      partner: { id: partner.id, username: partner.username, name: "Grace Hopper", headline: "Compilers" },
      lastMessage: newest,
      unreadCount: 1,
    });
    expect(row!.lastMessage.timestamp).toBeInstanceOf(Date);
    expect(typeof row!.lastMessage.id).toBe("number");
  });

  it("treats a cursor that is not the user's message as matching nothing", async () => {
    const me = await createMember();
    const partner = await createMember();
    const [x, y] = [await createMember(), await createMember()];
    await send(partner, me, "mine");
    const foreign = (await send(x, y, "someone else's")).message;
    expect(await getConversationsForUser(me.id, { before: foreign.id })).toEqual({ conversations: [], hasMore: false });
    expect((await getConversationsForUser(me.id)).conversations).toHaveLength(1);
  });
});

describe("searchUsers", () => {
  it("matches substrings case-insensitively, prefix first, never the caller, % and _ literal", async () => {
    const caller = await createMember({ name: "Zed Search" });
    const prefix = await createMember({ name: "Searchlight Sam" });
    const inner = await createMember({ name: "Deep Researcher" });
    const pct = await createMember({ name: "100% Sure" });
    const under = await createMember({ name: "Snake_Case" });

    const found = await searchUsers("SEARCH", caller.id);
    const ids = found.map((u) => u.id);
    expect(ids).not.toContain(caller.id);
    expect(ids.indexOf(prefix.id)).toBeLessThan(ids.indexOf(inner.id));
    expect(ids).toContain(inner.id);

    expect((await searchUsers("%", caller.id)).map((u) => u.id)).toEqual([pct.id]);
    expect((await searchUsers("e_c", caller.id)).map((u) => u.id)).toEqual([under.id]);
    expect(await searchUsers("zzz-nobody", caller.id)).toEqual([]);
  });

  it("returns each member's public card only, ranked prefix, then word start, then name", async () => {
    const caller = await createMember();
    const inside = await createMember({ name: "Abe Torvaldsson", headline: "Kernels" });
    const word = await createMember({ name: "Linus Torvaldsen" });
    const start = await createMember({ name: "Torvald Berg", headline: "Boats" });
    const found = await searchUsers("orvald", caller.id);
    expect(found.map((u) => u.id)).toEqual([inside.id, word.id, start.id]);
    expect((await searchUsers("torvald", caller.id)).map((u) => u.id)).toEqual([start.id, inside.id, word.id]);
    expect(found[0]).toEqual({ id: inside.id, username: inside.username, name: "Abe Torvaldsson", headline: "Kernels" });
  });

  it("scans from the table's first page every time, so a frequent fragment finds the same members", async () => {
    const rows = rowsOf<{ synchronize_seqscans: string }>(await (await getDb()).execute(sql`show synchronize_seqscans`));
    expect(rows[0]?.synchronize_seqscans).toBe("off");
  });

  it("finds a new member through the trigram indexes themselves, which keep no pending list", async () => {
    const caller = await createMember();
    const fresh = await createMember({ name: "Quillon Varga" });
    expect((await searchUsers("illon var", caller.id)).map((u) => u.id)).toEqual([fresh.id]);
    const indexes = rowsOf<{ relname: string; reloptions: string[] | null }>(await (await getDb()).execute(sql`
      select relname, reloptions from pg_class where relname in ('users_name_trgm_idx', 'users_username_trgm_idx') order by relname`));
    expect(indexes).toEqual([
      { relname: "users_name_trgm_idx", reloptions: ["fastupdate=off"] },
      { relname: "users_username_trgm_idx", reloptions: ["fastupdate=off"] },
    ]);
  });
});
