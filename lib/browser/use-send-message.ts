"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { MessageType } from "@/lib/messaging/message-types";
import { addPending, type ChatMessage, type ConversationCache } from "./conversation-cache";
import { useLiveConnected } from "./live/live-provider";
import { memberOutbox } from "./member-outbox";
import type { OutgoingMessage } from "./outbox";
import { queryKeys } from "./query-keys";

/**
 * Sends optimistically: the message shows as "sending" at once and goes out
 * through the member's outbox, in order. One the network or a server error
 * stopped shows "Not delivered yet" and goes out by itself (retried after a
 * growing wait, and when the connection returns); one the server refused for
 * good keeps the server's sentence and waits for the member's Retry.
 * The client_id stays the same on every attempt, so the server stores it once.
 */
export function useSendMessage(me: number, partnerId: number, { onError }: { onError: (sentence: string) => void }) {
  const queryClient = useQueryClient();
  const connected = useLiveConnected();
  // Made on first use in the browser, never while rendering on the server.
  const outbox = () => memberOutbox(queryClient).outbox;
  useEffect(() => memberOutbox(queryClient).lend({ live: connected, toast: onError }));

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
