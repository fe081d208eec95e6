"use client";

import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { PartnerJson } from "@/lib/messaging/wire";
import { api } from "./api";
import { inboxRows, type InboxPage } from "./inbox-rows";
import { queryKeys } from "./query-keys";

/**
 * Who a pushed message is from: the inbox row when the page holds the inbox,
 * else the conversation's first page (asked once, then kept for the member's session).
 */
export function messageSender(queryClient: QueryClient, partnerId: number): Promise<PartnerJson> {
  const inbox = queryClient.getQueryData<InfiniteData<InboxPage>>(queryKeys.conversations());
  const row = inbox && inboxRows(inbox.pages).find((r) => r.user.id === partnerId);
  if (row) return Promise.resolve(row.user);
  return queryClient.fetchQuery({
    queryKey: queryKeys.partner(partnerId),
    queryFn: async ({ signal }) =>
      (await api<{ other_user: PartnerJson }>(`/messaging/api/messages/${partnerId}/?limit=1`, { signal })).other_user,
    staleTime: Infinity,
  });
}
