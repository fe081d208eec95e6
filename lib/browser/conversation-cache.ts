import type { MessageJson } from "@/lib/messaging/wire";
import type { WaitingFor } from "./outbox";

/**
 * A message on screen: from the server, or ours still on its way ("sending") or
 * stopped ("failed"): waiting to go out by itself (`waitingFor` says for what),
 * or, with a `refusal`, left for the member's Retry (the server refused it for
 * good, or kept failing until the outbox stopped trying).
 */
export type ChatMessage = MessageJson & { delivery?: "sending" | "failed"; refusal?: string; waitingFor?: WaitingFor };

/** What the client keeps for one conversation: its loaded messages, oldest first. */
export type ConversationCache = { messages: ChatMessage[]; hasOlder: boolean };

/** A key that stays the same when our pending message comes back from the server. */
export const messageKey = (m: ChatMessage) => m.client_id ?? `#${m.id}`;

const isPending = (m: ChatMessage) => m.delivery !== undefined;

const byTime = (a: ChatMessage, b: ChatMessage) =>
  a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : a.id - b.id;

/** Adds or updates server messages; a pending message whose client_id came back is replaced by it. */
export function mergeMessages(current: ChatMessage[], incoming: MessageJson[]): ChatMessage[] {
  const stored = new Map<number, ChatMessage>();
  for (const m of current) if (!isPending(m)) stored.set(m.id, m);
  for (const m of incoming) {
    const known = stored.get(m.id);
    // Read is for good: an older answer (a send's response after the pushed read receipt) never unreads.
    stored.set(m.id, known?.is_read && !m.is_read ? { ...m, is_read: true, read_at: known.read_at } : m);
  }
  const delivered = new Set([...stored.values()].map((m) => m.client_id).filter(Boolean));
  const pending = current.filter((m) => isPending(m) && !delivered.has(m.client_id));
  return [...[...stored.values()].sort(byTime), ...pending];
}

/** Shows our message at once as "sending" (again, on a retry of the same client_id). */
export function addPending(cache: ConversationCache, message: ChatMessage): ConversationCache {
  const { messages } = cache;
  if (messages.some((m) => !isPending(m) && m.client_id === message.client_id)) return cache;
  const retried = messages.some((m) => m.client_id === message.client_id);
  return {
    ...cache,
    messages: retried
      ? messages.map((m) => (m.client_id === message.client_id ? { ...m, delivery: "sending", refusal: undefined, waitingFor: undefined } : m))
      : [...messages, { ...message, delivery: "sending" }],
  };
}

type PendingState = Pick<ChatMessage, "delivery" | "refusal" | "waitingFor">;

const setDelivery = (cache: ConversationCache, idempotencyKey: string, { delivery, refusal, waitingFor }: PendingState) => ({
  ...cache,
  messages: cache.messages.map((m) => (isPending(m) && m.client_id === idempotencyKey ? { ...m, delivery, refusal, waitingFor } : m)),
});

/** Not delivered, and left for the member's Retry: `refusal` says why. */
export const markFailed = (cache: ConversationCache, idempotencyKey: string, refusal: string): ConversationCache =>
  setDelivery(cache, idempotencyKey, { delivery: "failed", refusal });

/** Not delivered yet, and going out by itself: when the connection is back, or when the server is asked again. */
export const markWaiting = (cache: ConversationCache, idempotencyKey: string, waitingFor: WaitingFor): ConversationCache =>
  setDelivery(cache, idempotencyKey, { delivery: "failed", waitingFor });

/** On its way again (a retry, or the connection came back). */
export const markSending = (cache: ConversationCache, idempotencyKey: string): ConversationCache =>
  setDelivery(cache, idempotencyKey, { delivery: "sending" });

/** The partner's messages to us, all read now. */
export const markReceivedRead = (cache: ConversationCache, partnerId: number, readAt: string): ConversationCache => ({
  ...cache,
  messages: cache.messages.map((m) => (m.sender_id === partnerId && !m.is_read ? { ...m, is_read: true, read_at: readAt } : m)),
});

export const hasUnreadFrom = (messages: ChatMessage[], partnerId: number) =>
  messages.some((m) => m.sender_id === partnerId && !m.is_read);

const TICK_WINDOW = 50;

/**
 * Where polling should start: after the newest message, or, while some of our
 * recent messages are unread, just before the first of them, so that the same
 * request brings new messages and the read ticks. undefined: the newest page.
 */
export function pollCursor(messages: ChatMessage[], me: number): number | undefined {
  const stored = messages.filter((m) => !isPending(m));
  const start = Math.max(0, stored.length - TICK_WINDOW);
  const firstUnread = stored.findIndex((m, i) => i >= start && m.sender_id === me && !m.is_read);
  if (firstUnread === -1) return stored.at(-1)?.id;
  return firstUnread > 0 ? stored[firstUnread - 1]!.id : undefined;
}
