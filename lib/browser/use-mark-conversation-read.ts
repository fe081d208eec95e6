"use client";

import { useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useEffect } from "react";
import { api } from "./api";
import { hasUnreadFrom, markReceivedRead, type ChatMessage, type ConversationCache } from "./conversation-cache";
import { withConversationRead, type InboxPage } from "./inbox-rows";
import { queryKeys } from "./query-keys";
import { useLiveConnected } from "./live/live-provider";
import { usePageVisible } from "./use-visibility";

/**
 * Marks the conversation read in one call whenever the partner's unread
 * messages are on screen (on opening, and as new ones arrive while the tab is visible).
 */
export function useMarkConversationRead(partnerId: number, messages: ChatMessage[]) {
  const queryClient = useQueryClient();
  const visible = usePageVisible();
  const connected = useLiveConnected();
  const unread = hasUnreadFrom(messages, partnerId);

  const { mutate, isPending } = useMutation({
    mutationFn: () => api<{ marked: number }>(`/messaging/api/mark-conversation-read/${partnerId}/`, { method: "POST" }),
    onMutate: async () => {
      await queryClient.cancelQueries({ queryKey: queryKeys.messages(partnerId) });
      const readAt = new Date().toISOString();
      queryClient.setQueryData<ConversationCache>(queryKeys.messages(partnerId), (c) => c && markReceivedRead(c, partnerId, readAt));
      queryClient.setQueryData<InfiniteData<InboxPage>>(queryKeys.conversations(), (d) => withConversationRead(d, partnerId));
    },
    // No roll back: the server's truth follows either way (pushed read and unread events, or the next poll).
    onSettled: () => {
      if (connected) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.unreadCount() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations() });
    },
  });

  useEffect(() => {
    if (unread && visible && !isPending) mutate();
  }, [unread, visible, isPending, mutate]);
}
