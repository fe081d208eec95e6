"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "./api";
import { inboxRows, nextInboxCursor, type InboxPage } from "./inbox-rows";
import { queryKeys } from "./query-keys";
import { useLiveConnected } from "./live/live-provider";
import { usePageVisible } from "./use-visibility";

const fetchInboxPage = (before: number | undefined, signal: AbortSignal) =>
  api<InboxPage>(`/messaging/api/conversations/${before ? `?before=${before}` : ""}`, { signal });

/** The signed-in member's conversations, newest first, refreshed while the page is open. */
export function useInbox(initial: InboxPage) {
  const visible = usePageVisible();
  const connected = useLiveConnected();
  const inbox = useInfiniteQuery({
    queryKey: queryKeys.conversations(),
    queryFn: ({ pageParam, signal }) => fetchInboxPage(pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: nextInboxCursor,
    initialData: { pages: [initial], pageParams: [undefined] },
    refetchInterval: connected ? false : visible ? 5_000 : 30_000,
    refetchOnWindowFocus: !connected,
  });
  return {
    conversations: inboxRows(inbox.data.pages),
    hasMore: inbox.hasNextPage,
    loadMore: () => inbox.fetchNextPage(),
    loadingMore: inbox.isFetchingNextPage,
  };
}
