"use client";

import type { QueryClient } from "@tanstack/react-query";
import type { MessageJson } from "@/lib/messaging/wire";
import { api, ApiRequestError } from "./api";
import { onConnectionReturned } from "./connection-status";
import { markFailed, markSending, markWaiting, mergeMessages, type ConversationCache } from "./conversation-cache";
import { createOutbox, type Outbox, type SendFailure } from "./outbox";
import { queryKeys } from "./query-keys";

/** What the open conversation lends the member's outbox: where failures are told, and whether live events flow. */
export type OutboxHost = { toast?: (sentence: string) => void; live: boolean };

type MemberOutbox = { outbox: Outbox; lend: (host: OutboxHost) => void; close: () => void };

const outboxes = new WeakMap<QueryClient, MemberOutbox>();

const failureOf = (error: unknown): SendFailure =>
  error instanceof ApiRequestError
    ? { status: error.status, sentence: error.message, retryAfterSeconds: error.retryAfterSeconds }
    : { status: 0, sentence: "Your message could not be sent." };

/** One outbox per member (the QueryClient is the member's), alive as long as their page or until their session ends. */
export function memberOutbox(queryClient: QueryClient): MemberOutbox {
  const known = outboxes.get(queryClient);
  if (known) return known;
  let host: OutboxHost = { live: false };
  const update = (partnerId: number, change: (cache: ConversationCache) => ConversationCache) =>
    queryClient.setQueryData<ConversationCache>(queryKeys.messages(partnerId), (cache) => cache && change(cache));
  const outbox = createOutbox(
    {
      post: async ({ partnerId, content, messageType, idempotencyKey }) =>
        (
          await api<{ message: MessageJson }>("/messaging/api/send/", {
            method: "POST",
            body: { receiver_id: partnerId, content, message_type: messageType, client_id: idempotencyKey },
          })
        ).message,
      online: () => navigator.onLine,
      sending: (m) => update(m.partnerId, (cache) => markSending(cache, m.idempotencyKey)),
      sent: (m, stored) => {
        update(m.partnerId, (cache) => ({ ...cache, messages: mergeMessages(cache.messages, [stored]) }));
        // With live events the stored message and the inbox row arrive by themselves.
        if (host.live) return;
        void queryClient.invalidateQueries({ queryKey: queryKeys.messages(m.partnerId) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.conversations() });
      },
      waiting: (m, waitingFor) => update(m.partnerId, (cache) => markWaiting(cache, m.idempotencyKey, waitingFor)),
      stoppedRetrying: (m, sentence) => update(m.partnerId, (cache) => markFailed(cache, m.idempotencyKey, sentence)),
      refused: (m, sentence) => update(m.partnerId, (cache) => markFailed(cache, m.idempotencyKey, sentence)),
      failed: ({ sentence }) => host.toast?.(sentence),
      later: (resume, ms) => {
        const timer = setTimeout(resume, ms);
        return () => clearTimeout(timer);
      },
    },
    failureOf,
  );
  const stopListening = onConnectionReturned(outbox.resume);
  const entry: MemberOutbox = {
    outbox,
    lend: (lent) => void (host = lent),
    close: () => {
      outboxes.delete(queryClient);
      stopListening();
      outbox.close();
    },
  };
  outboxes.set(queryClient, entry);
  return entry;
}

/** The member's session ended: their waiting messages, retry timer and reconnection listener go with it (none is sent as the next member). */
export function closeMemberOutbox(queryClient: QueryClient) {
  outboxes.get(queryClient)?.close();
}
