import { QueryClient, QueryObserver, type InfiniteData } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { applyLiveEvent, newestKnownMessageId, TYPING_SHOWN_MS } from "@/lib/browser/live/apply-event";
import { liveCache } from "@/lib/browser/live/late-queries";
import type { ConversationCache } from "@/lib/browser/conversation-cache";
import type { InboxPage } from "@/lib/browser/inbox-rows";
import { queryKeys } from "@/lib/browser/query-keys";
import type { MessageJson } from "@/lib/messaging/wire";

const ME = 1;
const message = (id: number, from: number, to: number, extra: Partial<MessageJson> = {}): MessageJson => ({
  id,
  content: `m${id}`,
  sender_id: from,
  receiver_id: to,
  timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, id)).toISOString(),
  is_read: false,
  read_at: null,
  message_type: null,
  client_id: null,
  ...extra,
});
const partner = (id: number) => ({ id, username: `p${id}`, name: `P ${id}`, headline: "" });

function clientWith(inbox: ConversationCache["messages"][number][], conversation: MessageJson[]) {
  const queryClient = new QueryClient();
  const pages: InfiniteData<InboxPage> = {
    pages: [{ conversations: inbox.map((m) => ({ user: partner(m.sender_id === ME ? m.receiver_id : m.sender_id), last_message: m, unread_count: 0 })), has_more: false }],
    pageParams: [undefined],
  };
  queryClient.setQueryData(queryKeys.conversations(), pages);
  queryClient.setQueryData<ConversationCache>(queryKeys.messages(2), { messages: conversation, hasOlder: false });
  return queryClient;
}

const inboxOf = (c: QueryClient) => c.getQueryData<InfiniteData<InboxPage>>(queryKeys.conversations())!.pages[0]!.conversations;

describe("live events in the browser cache", () => {
  it("a new message joins its conversation once and moves its inbox row to the top with one more unread", () => {
    const c = clientWith([message(5, 3, ME), message(4, 2, ME)], [message(4, 2, ME)]);
    const incoming = message(6, 2, ME);
    applyLiveEvent(c, { event: "message", id: 6, data: incoming }, ME);
    applyLiveEvent(c, { event: "message", id: 6, data: incoming }, ME);
    expect(c.getQueryData<ConversationCache>(queryKeys.messages(2))!.messages.map((m) => m.id)).toEqual([4, 6]);
    expect(inboxOf(c).map((r) => [r.user.id, r.last_message.id, r.unread_count])).toEqual([[2, 6, 1], [3, 5, 0]]);
    expect(newestKnownMessageId(c)).toBe(6);
  });

  it("a message from a partner not in the loaded inbox refetches the inbox", async () => {
    const c = clientWith([message(4, 2, ME)], []);
    applyLiveEvent(c, { event: "message", id: 9, data: message(9, 7, ME) }, ME);
    expect(c.getQueryState(queryKeys.conversations())!.isInvalidated).toBe(true);
  });

  it("a read receipt ticks our messages up to its id, and our own read in another tab clears the row", () => {
    const c = clientWith([message(3, ME, 2)], [message(1, ME, 2), message(2, 2, ME), message(3, ME, 2)]);
    applyLiveEvent(c, { event: "read", data: { reader_id: 2, partner_id: ME, up_to_id: 1, read_at: "2026-01-01T00:00:09.000Z" } }, ME);
    const read = c.getQueryData<ConversationCache>(queryKeys.messages(2))!.messages.map((m) => [m.id, m.is_read]);
    expect(read).toEqual([[1, true], [2, false], [3, false]]);
    applyLiveEvent(c, { event: "read", data: { reader_id: ME, partner_id: 2, up_to_id: 2, read_at: "2026-01-01T00:00:09.000Z" } }, ME);
    expect(c.getQueryData<ConversationCache>(queryKeys.messages(2))!.messages.find((m) => m.id === 2)!.is_read).toBe(true);
  });

  it("unread totals, typing and presence land under their keys; resync invalidates", () => {
    const c = clientWith([], []);
    c.setQueryData(queryKeys.unreadCount(), { unread_count: 0, muted_unread_count: 0 });
    c.setQueryData(queryKeys.mutes(), [5]);
    c.setQueryData(queryKeys.typing(2), 0);
    c.setQueryData(queryKeys.presence(2), { online: false, last_seen: null });
    applyLiveEvent(c, { event: "unread", data: { unread_count: 4, muted_unread_count: 1 } }, ME);
    expect(c.getQueryData(queryKeys.unreadCount())).toEqual({ unread_count: 4, muted_unread_count: 1 });
    applyLiveEvent(c, { event: "mute", data: { user_id: 2, muted: true } }, ME);
    expect(c.getQueryData(queryKeys.mutes())).toEqual([2, 5]);
    applyLiveEvent(c, { event: "mute", data: { user_id: 5, muted: false } }, ME);
    expect(c.getQueryData(queryKeys.mutes())).toEqual([2]);
    applyLiveEvent(c, { event: "typing", data: { user_id: 2, typing: true } }, ME);
    expect(c.getQueryData<number>(queryKeys.typing(2))!).toBeGreaterThan(Date.now());
    applyLiveEvent(c, { event: "message", id: 8, data: message(8, 2, ME) }, ME);
    expect(c.getQueryData(queryKeys.typing(2))).toBe(0);
    applyLiveEvent(c, { event: "presence", data: { user_id: 2, online: true, last_seen: null } }, ME);
    expect(c.getQueryData(queryKeys.presence(2))).toEqual({ online: true, last_seen: null });
    applyLiveEvent(c, { event: "resync", data: {} }, ME);
    expect(c.getQueryState(queryKeys.unreadCount())!.isInvalidated).toBe(true);
  });

  it("an event creates no query: a part of the page drawn later keeps the server's data until it is drawn", () => {
    const c = new QueryClient();
    applyLiveEvent(c, { event: "unread", data: { unread_count: 4, muted_unread_count: 1 } }, ME);
    applyLiveEvent(c, { event: "presence", data: { user_id: 2, online: true, last_seen: null } }, ME);
    applyLiveEvent(c, { event: "typing", data: { user_id: 2, typing: true } }, ME);
    applyLiveEvent(c, { event: "message", id: 8, data: message(8, 2, ME) }, ME);
    expect(c.getQueryCache().getAll()).toEqual([]);
  });
});

/** A query as a component creates it: built with the server's data, then observed once its part of the page is drawn. */
function drawLater<T>(c: QueryClient, queryKey: readonly unknown[], initialData: T) {
  const observer = new QueryObserver(c, { queryKey, initialData, enabled: false, staleTime: Infinity });
  return {
    draw: async () => {
      observer.subscribe(() => {});
      await Promise.resolve(); // the replay runs in a microtask
    },
  };
}

describe("events for parts of the page drawn after they came (liveCache)", () => {
  const inboxWith = (...rows: [MessageJson, number][]): InfiniteData<InboxPage> => ({
    pages: [{ conversations: rows.map(([m, unread]) => ({ user: partner(m.sender_id === ME ? m.receiver_id : m.sender_id), last_message: m, unread_count: unread })), has_more: false }],
    pageParams: [undefined],
  });

  it("a message that came before the inbox was drawn is written into it once drawn, and counted once", async () => {
    const c = new QueryClient();
    const live = liveCache(c, ME);
    // The server drew the inbox with message 5 from member 3; 6 (from 2) and 5 came as catch-up events before it hydrated.
    live.apply({ event: "message", id: 5, data: message(5, 3, ME) });
    live.apply({ event: "message", id: 6, data: message(6, 2, ME) });
    const inbox = drawLater(c, queryKeys.conversations(), inboxWith([message(5, 3, ME), 1], [message(4, 2, ME), 0]));
    // Created, not drawn: the server's data stays (hydration compares it with the HTML).
    expect(inboxOf(c).map((r) => [r.user.id, r.last_message.id, r.unread_count])).toEqual([[3, 5, 1], [2, 4, 0]]);
    await inbox.draw();
    expect(inboxOf(c).map((r) => [r.user.id, r.last_message.id, r.unread_count])).toEqual([[2, 6, 1], [3, 5, 1]]);
    // From now on events go straight in.
    live.apply({ event: "message", id: 7, data: message(7, 3, ME) });
    expect(inboxOf(c).map((r) => [r.user.id, r.last_message.id, r.unread_count])).toEqual([[3, 7, 2], [2, 6, 1]]);
    live.stop();
  });

  it("a conversation, a total and a presence drawn late get what came, in order, the latest state last", async () => {
    const c = new QueryClient();
    const live = liveCache(c, ME);
    live.apply({ event: "message", id: 9, data: message(9, 2, ME) });
    live.apply({ event: "presence", data: { user_id: 2, online: true, last_seen: null } });
    live.apply({ event: "presence", data: { user_id: 2, online: false, last_seen: "2026-01-01T00:01:00.000Z" } });
    live.apply({ event: "unread", data: { unread_count: 3, muted_unread_count: 0 } });
    live.apply({ event: "read", data: { reader_id: 2, partner_id: ME, up_to_id: 8, read_at: "2026-01-01T00:00:30.000Z" } });
    const conversation = drawLater<ConversationCache>(c, queryKeys.messages(2), { messages: [message(8, ME, 2)], hasOlder: false });
    const presence = drawLater(c, queryKeys.presence(2), { online: true, last_seen: null });
    const total = drawLater(c, queryKeys.unreadCount(), { unread_count: 2, muted_unread_count: 0 });
    await conversation.draw();
    await presence.draw();
    await total.draw();
    expect(c.getQueryData<ConversationCache>(queryKeys.messages(2))!.messages.map((m) => [m.id, m.is_read])).toEqual([[8, true], [9, false]]);
    expect(c.getQueryData(queryKeys.presence(2))).toEqual({ online: false, last_seen: "2026-01-01T00:01:00.000Z" });
    expect(c.getQueryData(queryKeys.unreadCount())).toEqual({ unread_count: 3, muted_unread_count: 0 });
    live.stop();
  });

  it("a typing signal replayed into a conversation drawn later shows for as long as it would have, from when it came", async () => {
    const c = new QueryClient();
    const live = liveCache(c, ME);
    const came = Date.now();
    live.apply({ event: "typing", data: { user_id: 2, typing: true } });
    const typing = drawLater(c, queryKeys.typing(2), 0);
    await typing.draw();
    const until = c.getQueryData<number>(queryKeys.typing(2))!;
    expect(until).toBeGreaterThanOrEqual(came + TYPING_SHOWN_MS);
    expect(until).toBeLessThanOrEqual(Date.now() + TYPING_SHOWN_MS);
    // From long ago: already over when replayed.
    applyLiveEvent(c, { event: "typing", data: { user_id: 2, typing: true } }, ME, () => true, came - 60_000);
    expect(c.getQueryData<number>(queryKeys.typing(2))!).toBeLessThan(Date.now());
    live.stop();
  });

  it("after a reconnection nothing kept is replayed (the refetch brings the truth)", async () => {
    const c = new QueryClient();
    const live = liveCache(c, ME);
    live.apply({ event: "presence", data: { user_id: 2, online: true, last_seen: null } });
    live.forget();
    const presence = drawLater(c, queryKeys.presence(2), { online: false, last_seen: "2026-01-01T00:02:00.000Z" });
    await presence.draw();
    expect(c.getQueryData(queryKeys.presence(2))).toEqual({ online: false, last_seen: "2026-01-01T00:02:00.000Z" });
    live.stop();
  });
});
