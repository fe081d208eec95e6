"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/browser/api";
import { queryKeys } from "@/lib/browser/query-keys";
import { useLiveConnected } from "@/lib/browser/live/live-provider";
import { usePageVisible } from "@/lib/browser/use-visibility";
import type { UnreadCounts } from "@/lib/messaging/wire";
import { CountBadge } from "./ui/count-badge";

/** The header's unread count: pushed by live events, or polled while they are not flowing. */
export function UnreadBadge({ initial }: { initial: UnreadCounts }) {
  const visible = usePageVisible();
  const connected = useLiveConnected();
  const { data = initial } = useQuery({
    queryKey: queryKeys.unreadCount(),
    queryFn: ({ signal }) =>
      api<UnreadCounts>("/messaging/api/unread-count/", { signal }).then(({ unread_count, muted_unread_count }) => ({ unread_count, muted_unread_count })),
    initialData: initial,
    refetchInterval: connected ? false : visible ? 4_000 : 30_000,
    refetchOnWindowFocus: !connected,
  });
  const count = data.unread_count;
  if (count <= 0) return null;
  return <CountBadge count={count} testId="unread-badge" className="ml-1.5" />;
}
