"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/browser/api";
import { queryKeys } from "@/lib/browser/query-keys";
import { useLive } from "@/lib/browser/live/live-provider";
import { usePageVisible } from "@/lib/browser/use-visibility";
import { CountBadge } from "./ui/count-badge";

/** The header's unread count: pushed by live events, or polled while they are not flowing. */
export function UnreadBadge({ initialCount }: { initialCount: number }) {
  const visible = usePageVisible();
  const { connected } = useLive();
  const { data: count = initialCount } = useQuery({
    queryKey: queryKeys.unreadCount(),
    queryFn: ({ signal }) => api<{ unread_count: number }>("/messaging/api/unread-count/", { signal }).then((d) => d.unread_count),
    initialData: initialCount,
    refetchInterval: connected ? false : visible ? 4_000 : 30_000,
    refetchOnWindowFocus: !connected,
  });
  if (count <= 0) return null;
  return <CountBadge count={count} testId="unread-badge" className="ml-1.5" />;
}
