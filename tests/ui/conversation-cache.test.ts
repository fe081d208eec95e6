import { describe, expect, it } from "vitest";
import {
  addPending,
  hasUnreadFrom,
  markFailed,
  markReceivedRead,
  mergeMessages,
  messageKey,
  pollCursor,
  markSending,
  markWaiting,
  type ChatMessage,
  type ConversationCache,
} from "@/lib/browser/conversation-cache";

const ME = 1;
const PARTNER = 2;
const message = (id: number, over: Partial<ChatMessage> = {}): ChatMessage => ({
  id,
  content: `m${id}`,
  sender_id: PARTNER,
  receiver_id: ME,
  timestamp: new Date(Date.UTC(2024, 2, 7, 10, id)).toISOString(),
  is_read: false,
  read_at: null,
  message_type: null,
  client_id: null,
  ...over,
});
const mine = (id: number, over: Partial<ChatMessage> = {}) => message(id, { sender_id: ME, receiver_id: PARTNER, ...over });
const pending = (idempotencyKey: string) => mine(0, { client_id: idempotencyKey, delivery: "sending", timestamp: "2024-03-07T12:00:00.000Z" });
const ids = (messages: ChatMessage[]) => messages.map((m) => m.id);

describe("mergeMessages", () => {
  it("adds new pages in time order without duplicates and takes the newer copy", () => {
    const merged = mergeMessages([message(3), message(4)], [message(1), message(2), message(4, { is_read: true })]);
    expect(ids(merged)).toEqual([1, 2, 3, 4]);
    expect(merged.at(-1)?.is_read).toBe(true);
  });

  it("orders by timestamp, then id", () => {
    const same = "2024-03-07T09:00:00.000Z";
    const merged = mergeMessages([], [message(1), message(9, { timestamp: same }), message(8, { timestamp: same })]);
    expect(ids(merged)).toEqual([8, 9, 1]);
  });

  it("keeps pending messages last and replaces one when its client_id comes back", () => {
    const start = [message(1), pending("c-1"), pending("c-2")];
    const merged = mergeMessages(start, [mine(5, { client_id: "c-1" })]);
    expect(merged.map(messageKey)).toEqual(["#1", "c-1", "c-2"]);
    expect(merged[1]).not.toHaveProperty("delivery");
    expect(merged[2]?.delivery).toBe("sending");
  });
});

describe("pending messages", () => {
  const cache = (messages: ChatMessage[]): ConversationCache => ({ messages, hasOlder: false });

  it("fails, retries with the same client_id, and never shows twice", () => {
    let state = addPending(cache([message(1)]), pending("c-1"));
    state = markWaiting(state, "c-1", "connection");
    expect(state.messages.at(-1)).toMatchObject({ delivery: "failed", waitingFor: "connection" });
    state = addPending(state, pending("c-1"));
    expect(state.messages).toHaveLength(2);
    expect(state.messages.at(-1)?.delivery).toBe("sending");
  });

  it("does not bring back a message the server already has", () => {
    const delivered = cache([mine(5, { client_id: "c-1" })]);
    expect(addPending(delivered, pending("c-1"))).toBe(delivered);
  });

  it("keeps the server's sentence on a refused message until it is sent again", () => {
    let state = markFailed(addPending(cache([]), pending("c-1")), "c-1", "This member no longer exists.");
    expect(state.messages[0]).toMatchObject({ delivery: "failed", refusal: "This member no longer exists." });
    state = markSending(state, "c-1");
    expect(state.messages[0]).toMatchObject({ delivery: "sending", refusal: undefined });
    // A server message is never marked: only our pending ones.
    const stored = cache([mine(5, { client_id: "c-2" })]);
    expect(markFailed(stored, "c-2", "No.").messages[0]?.delivery).toBeUndefined();
    expect(markWaiting(stored, "c-2", "server").messages[0]?.delivery).toBeUndefined();
  });

  it("says what a waiting message waits for, and forgets it once it is on its way or given up", () => {
    let state = markWaiting(addPending(cache([]), pending("c-1")), "c-1", "server");
    expect(state.messages[0]).toMatchObject({ delivery: "failed", waitingFor: "server", refusal: undefined });
    state = markSending(state, "c-1");
    expect(state.messages[0]).toMatchObject({ delivery: "sending", waitingFor: undefined });
    state = markFailed(markWaiting(state, "c-1", "server"), "c-1", "The server kept failing.");
    expect(state.messages[0]).toMatchObject({ delivery: "failed", waitingFor: undefined, refusal: "The server kept failing." });
  });
});

describe("reading", () => {
  it("marks the partner's messages read, not ours", () => {
    const state = markReceivedRead({ messages: [message(1), mine(2)], hasOlder: false }, PARTNER, "2024-03-07T12:00:00.000Z");
    expect(state.messages.map((m) => m.is_read)).toEqual([true, false]);
    expect(hasUnreadFrom(state.messages, PARTNER)).toBe(false);
    expect(hasUnreadFrom([message(3)], PARTNER)).toBe(true);
  });
});

describe("pollCursor", () => {
  it("asks after the newest stored message when all of ours are read", () => {
    expect(pollCursor([message(1), mine(2, { is_read: true }), pending("c")], ME)).toBe(2);
    expect(pollCursor([], ME)).toBeUndefined();
  });

  it("starts just before our first unread message so its tick can change", () => {
    expect(pollCursor([message(1), mine(2, { is_read: true }), mine(3), mine(4)], ME)).toBe(2);
    expect(pollCursor([mine(1), message(2)], ME)).toBeUndefined();
  });

  it("only looks for unread ticks among the newest fifty", () => {
    const old = [mine(1), ...Array.from({ length: 60 }, (_, i) => message(i + 2))];
    expect(pollCursor(old, ME)).toBe(61);
  });
});

describe("mergeMessages and read state", () => {
  it("never turns a read message back to unread when an older answer arrives later", async () => {
    const { mergeMessages } = await import("@/lib/browser/conversation-cache");
    const sent = { id: 7, content: "x", sender_id: 1, receiver_id: 2, timestamp: "2026-01-01T00:00:00.000Z", is_read: false, read_at: null, message_type: null, client_id: null };
    const read = { ...sent, is_read: true, read_at: "2026-01-01T00:00:05.000Z" };
    expect(mergeMessages([read], [sent])[0]).toMatchObject({ is_read: true, read_at: "2026-01-01T00:00:05.000Z" });
  });
});
