"use client";

import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { MessageType } from "@/lib/messaging/message-types";
import type { MessageJson } from "@/lib/messaging/wire";
import { api, ApiRequestError } from "./api";
import { onConnectionReturned } from "./connection-status";
import { addPending, markFailed, markSending, mergeMessages, type ChatMessage, type ConversationCache } from "./conversation-cache";
import { useLiveConnected } from "./live/live-provider";
import { createOutbox, type Outbox, type OutgoingMessage, type SendFailure } from "./outbox";
import { queryKeys } from "./query-keys";

/** What the open conversation lends the member's outbox: where failures are told, and whether live events flow. */
type OutboxHost = { toast?: (sentence: string) => void; live: boolean };

const outboxes = new WeakMap<QueryClient, { outbox: Outbox; lend: (host: OutboxHost) => void }>();

const failureOf = (error: unknown): SendFailure =>
  error instanceof ApiRequestError
    ? { status: error.status, sentence: error.message, retryAfterSeconds: error.retryAfterSeconds }
    : { status: 0, sentence: "Your message could not be sent." };

/** One outbox per member (the QueryClient is the member's), alive as long as their page. */
function outboxOf(queryClient: QueryClient) {
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
      waiting: (m) => update(m.partnerId, (cache) => markFailed(cache, m.idempotencyKey)),
      refused: (m, sentence) => update(m.partnerId, (cache) => markFailed(cache, m.idempotencyKey, sentence)),
      failed: ({ sentence }) => host.toast?.(sentence),
      later: (resume, ms) => {
        const timer = setTimeout(resume, ms);
        return () => clearTimeout(timer);
      },
    },
    failureOf,
  );
  // Never unsubscribed: the outbox lives as long as the member's QueryClient.
  onConnectionReturned(outbox.resume);
  const entry = { outbox, lend: (lent: OutboxHost) => void (host = lent) };
  outboxes.set(queryClient, entry);
  return entry;
}

/**
 * Sends optimistically: the message shows as "sending" at once and goes out
 * through the member's outbox, in order. One the network stopped shows "Not
 * delivered" and goes out by itself when the connection returns; one the server
 * refused for good keeps the server's sentence and waits for the member's Retry.
 * The client_id stays the same on every attempt, so the server stores it once.
 */
export function useSendMessage(me: number, partnerId: number, { onError }: { onError: (sentence: string) => void }) {
  const queryClient = useQueryClient();
  const connected = useLiveConnected();
  // Made on first use in the browser, never while rendering on the server.
  const outbox = () => outboxOf(queryClient).outbox;
  useEffect(() => outboxOf(queryClient).lend({ live: connected, toast: onError }));

  async function send(message: { idempotencyKey: string; content: string; messageType: MessageType }) {
    const outgoing: OutgoingMessage = { partnerId, ...message };
    const key = queryKeys.messages(partnerId);
    await queryClient.cancelQueries({ queryKey: key });
    queryClient.setQueryData<ConversationCache>(key, (cache) => cache && addPending(cache, pendingMessage(me, outgoing)));
    outbox().send(outgoing);
  }

  const retry = (failed: ChatMessage) =>
    failed.client_id &&
    outbox().send({
      partnerId,
      idempotencyKey: failed.client_id,
      content: failed.content,
      messageType: (failed.message_type ?? "general") as MessageType,
    });

  return { send: (message: Parameters<typeof send>[0]) => void send(message), retry };
}

function pendingMessage(me: number, message: OutgoingMessage): ChatMessage {
  return {
    id: 0,
    content: message.content.trim(),
    sender_id: me,
    receiver_id: message.partnerId,
    timestamp: new Date().toISOString(),
    is_read: false,
    read_at: null,
    message_type: message.messageType,
    client_id: message.idempotencyKey,
    delivery: "sending",
  };
}
