"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import type { MessageJson } from "@/lib/messaging/wire";
import { api } from "./api";
import { mergeMessages, pollCursor, type ConversationCache } from "./conversation-cache";
import { queryKeys } from "./query-keys";
import { useLiveConnected } from "./live/live-provider";
import { usePageVisible } from "./use-visibility";

type MessagesAnswer = { messages: MessageJson[]; has_more: boolean };

const PAGE_SIZE = 50;
const POLL_PAGE_SIZE = 100;

const messagesUrl = (partnerId: number, params: Record<string, number>) =>
  `/messaging/api/messages/${partnerId}/?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;

/** What changed since the cursor (or the newest page when there is none), following has_more a few times. */
async function fetchSince(partnerId: number, cursor: number | undefined, signal: AbortSignal) {
  if (cursor === undefined) {
    const page = await api<MessagesAnswer>(messagesUrl(partnerId, { limit: PAGE_SIZE }), { signal });
    return { messages: page.messages, olderExist: page.has_more };
  }
  const messages: MessageJson[] = [];
  let after = cursor;
  for (let round = 0; round < 5; round++) {
    const page = await api<MessagesAnswer>(messagesUrl(partnerId, { after, limit: POLL_PAGE_SIZE }), { signal });
    messages.push(...page.messages);
    if (!page.has_more || page.messages.length === 0) break;
    after = page.messages.at(-1)!.id;
  }
  return { messages, olderExist: false };
}

/**
 * One conversation, kept fresh: asks what came since the last message about
 * every 2 s while the tab is visible (15 s hidden, at once on focus), and loads
 * older pages on request. Pending sends live in the same cache (see use-send-message).
 */
export function useConversation({ me, partnerId, initial }: { me: number; partnerId: number; initial: MessagesAnswer }) {
  const queryClient = useQueryClient();
  const visible = usePageVisible();
  const connected = useLiveConnected();
  const key = queryKeys.messages(partnerId);
  const [initialCache] = useState<ConversationCache>(() => ({ messages: initial.messages, hasOlder: initial.has_more }));

  const conversation = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => {
      const before = queryClient.getQueryData<ConversationCache>(key) ?? initialCache;
      const fetched = await fetchSince(partnerId, pollCursor(before.messages, me), signal);
      // Merge into what is cached now, not at the start: a send may have changed it meanwhile.
      const latest = queryClient.getQueryData<ConversationCache>(key) ?? before;
      return {
        // Only an empty conversation learns from the newest page that older ones exist.
        hasOlder: latest.hasOlder || (before.messages.length === 0 && fetched.olderExist),
        messages: mergeMessages(latest.messages, fetched.messages),
      };
    },
    initialData: initialCache,
    // While live events flow they fill this cache; polling is the fallback.
    refetchInterval: connected ? false : visible ? 2_000 : 15_000,
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: connected ? false : "always",
  });

  const loadingOlder = useRef(false);
  const [olderError, setOlderError] = useState<Error | null>(null);
  const older = useMutation({
    mutationFn: async () => {
      const cache = queryClient.getQueryData<ConversationCache>(key);
      const oldest = cache?.messages.find((m) => m.delivery === undefined);
      if (!cache?.hasOlder || !oldest) return;
      const page = await api<MessagesAnswer>(messagesUrl(partnerId, { before: oldest.id, limit: PAGE_SIZE }));
      queryClient.setQueryData<ConversationCache>(key, (current) =>
        current && { hasOlder: page.has_more, messages: mergeMessages(current.messages, page.messages) },
      );
    },
    onMutate: () => setOlderError(null),
    onError: (error) => setOlderError(error),
    onSettled: () => {
      loadingOlder.current = false;
    },
  });

  const loadOlder = useCallback(() => {
    if (loadingOlder.current) return;
    loadingOlder.current = true;
    older.mutate();
  }, [older]);

  return {
    messages: conversation.data.messages,
    hasOlder: conversation.data.hasOlder,
    loadOlder,
    loadingOlder: older.isPending,
    olderError,
  };
}
