import { describe, expect, it } from "vitest";
import { newIdempotencyKey } from "@/lib/browser/idempotency-key";
import { inboxRows, nextInboxCursor, withConversationRead, type InboxPage } from "@/lib/browser/inbox-rows";
import type { ConversationJson } from "@/lib/messaging/wire";

const row = (partnerId: number, lastId: number, unread = 0): ConversationJson => ({
  user: { id: partnerId, username: `u${partnerId}`, name: `User ${partnerId}`, headline: "" },
  last_message: {
    id: lastId,
    content: "hi",
    sender_id: partnerId,
    receiver_id: 1,
    timestamp: "2024-03-07T10:00:00.000Z",
    is_read: unread === 0,
    read_at: null,
    message_type: null,
    client_id: null,
  },
  unread_count: unread,
});

describe("inbox pages", () => {
  it("joins pages and shows a partner once, where they first appear", () => {
    const pages: InboxPage[] = [
      { conversations: [row(5, 90), row(3, 80)], has_more: true },
      { conversations: [row(5, 90), row(7, 40)], has_more: false },
    ];
    expect(inboxRows(pages).map((r) => r.user.id)).toEqual([5, 3, 7]);
  });

  it("continues after the last row's message, and stops when there is no more", () => {
    expect(nextInboxCursor({ conversations: [row(5, 90), row(3, 80)], has_more: true })).toBe(80);
    expect(nextInboxCursor({ conversations: [row(5, 90)], has_more: false })).toBeUndefined();
  });

  it("clears one partner's unread count", () => {
    const data = { pages: [{ conversations: [row(5, 90, 2), row(3, 80, 1)], has_more: false }], pageParams: [undefined] };
    const read = withConversationRead(data, 5)!;
    expect(read.pages[0]!.conversations.map((r) => r.unread_count)).toEqual([0, 1]);
    expect(withConversationRead(undefined, 5)).toBeUndefined();
  });
});

describe("newIdempotencyKey", () => {
  it("is a fresh version 4 UUID the send API accepts", () => {
    const id = newIdempotencyKey();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(id);
  });
});
