"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { MessageType } from "@/lib/messaging/message-types";
import type { MessageJson } from "@/lib/messaging/wire";
import { api, ApiRequestError } from "./api";
import { addPending, markFailed, mergeMessages, removePending, type ChatMessage, type ConversationCache } from "./conversation-cache";
import { useLive } from "./live/live-provider";
import { queryKeys } from "./query-keys";

export type OutgoingMessage = { idempotencyKey: string; content: string; messageType: MessageType };

/** Worth a retry: the network, the server, or the rate limit. A 400 or 404 will answer the same again. */
const canRetry = (error: unknown) =>
  !(error instanceof ApiRequestError) || error.status === 0 || error.status === 429 || error.status >= 500;

/**
 * Sends optimistically: the message shows as "sending" at once, becomes the
 * server's message, or stays as "failed" for a retry with the same client_id
 * (which the server treats as the same message, so a retry never duplicates).
 * A message the server refuses for good is taken back and handed to `onRefused`;
 * every failure's sentence goes to `onError` (the server's, when it gave one).
 */
export function useSendMessage(
  me: number,
  partnerId: number,
  { onRefused, onError }: { onRefused: (message: OutgoingMessage) => void; onError: (sentence: string) => void },
) {
  const queryClient = useQueryClient();
  const { connected } = useLive();
  const key = queryKeys.messages(partnerId);
  const update = (change: (cache: ConversationCache) => ConversationCache) =>
    queryClient.setQueryData<ConversationCache>(key, (cache) => cache && change(cache));

  const { mutate } = useMutation({
    mutationFn: (message: OutgoingMessage) =>
      api<{ message: MessageJson }>("/messaging/api/send/", {
        method: "POST",
        body: { receiver_id: partnerId, content: message.content, message_type: message.messageType, client_id: message.idempotencyKey },
      }),
    onMutate: async (message) => {
      await queryClient.cancelQueries({ queryKey: key });
      update((cache) => addPending(cache, pendingMessage(me, partnerId, message)));
    },
    onSuccess: ({ message }) => update((cache) => ({ ...cache, messages: mergeMessages(cache.messages, [message]) })),
    onError: (error, message) => {
      if (canRetry(error)) {
        update((cache) => markFailed(cache, message.idempotencyKey));
      } else {
        update((cache) => removePending(cache, message.idempotencyKey));
        onRefused(message);
      }
      onError(error instanceof ApiRequestError ? error.message : "Your message could not be sent.");
    },
    // With live events the stored message and the inbox row arrive by themselves.
    onSettled: () => {
      if (connected) return;
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations() });
    },
  });

  const retry = (failed: ChatMessage) =>
    failed.client_id &&
    mutate({ idempotencyKey: failed.client_id, content: failed.content, messageType: (failed.message_type ?? "general") as MessageType });

  return { send: mutate, retry };
}

function pendingMessage(me: number, partnerId: number, message: OutgoingMessage): ChatMessage {
  return {
    id: 0,
    content: message.content.trim(),
    sender_id: me,
    receiver_id: partnerId,
    timestamp: new Date().toISOString(),
    is_read: false,
    read_at: null,
    message_type: message.messageType,
    client_id: message.idempotencyKey,
    delivery: "sending",
  };
}
