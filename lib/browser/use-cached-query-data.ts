"use client";

import { hashKey, notifyManager, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useState } from "react";

/**
 * What the cache holds for a key, without fetching it: features built on
 * data that other hooks keep fresh (by polling or by a pushed event alike).
 *
 * Read after hydration and on each change of that query, in a task of its own (TanStack's scheduler), rather than
 * with useSyncExternalStore: the cache already holds the data when the page hydrates, and a store that differs from
 * the server's snapshot then re-renders its reader synchronously, inside the task that runs every component's
 * effects, the page's longest after start-up. The alerts' reader can wait a task.
 */
export function useCachedQueryData<T>(queryKey: QueryKey): T | undefined {
  const queryClient = useQueryClient();
  const hash = hashKey(queryKey);
  const [data, setData] = useState<{ value: T | undefined }>({ value: undefined });
  useEffect(() => {
    const key = JSON.parse(hash) as QueryKey; // hashKey is JSON with object keys sorted: the same key
    let live = true;
    const read = () => {
      if (!live) return;
      const value = queryClient.getQueryData<T>(key);
      setData((held) => (held.value === value ? held : { value }));
    };
    // Cache events can come while another component renders (a query made with its initial data): read after it.
    notifyManager.schedule(read);
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      // Every cache event comes here (each live event makes several): compare the query's precomputed hash.
      if (event.query.queryHash === hash) notifyManager.schedule(read);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [queryClient, hash]);
  return data.value;
}
