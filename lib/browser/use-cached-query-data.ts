"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";

/**
 * What the cache holds for a key, without fetching it: features built on
 * data that other hooks keep fresh (by polling or by a pushed event alike).
 */
export function useCachedQueryData<T>(queryKey: QueryKey): T | undefined {
  const queryClient = useQueryClient();
  const hash = JSON.stringify(queryKey);
  const subscribe = useCallback(
    (onChange: () => void) =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type === "updated" && JSON.stringify(event.query.queryKey) === hash) onChange();
      }),
    [queryClient, hash],
  );
  const read = () => queryClient.getQueryData<T>(JSON.parse(hash) as QueryKey);
  return useSyncExternalStore(subscribe, read, () => undefined);
}
