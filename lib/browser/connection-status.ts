"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import type { ConversationCache } from "./conversation-cache";
import { queryKeys } from "./query-keys";

let requestsFailing = false;
const listeners = new Set<() => void>();

/** api() reports whether its last request reached the server; a failed one counts as offline until one succeeds. */
export function reportRequestReached(reached: boolean) {
  if (requestsFailing === !reached) return;
  requestsFailing = !reached;
  listeners.forEach((listener) => listener());
}

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/** Whether the server can be reached: the browser's own view (navigator.onLine) and our requests' outcome. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine && !requestsFailing,
    () => true,
  );
}

/** Our messages not yet on the server (sending, waiting for the network, or failed), in every open conversation. */
export function useWaitingMessageCount(): number {
  const queryClient = useQueryClient();
  const subscribeCache = useCallback((onChange: () => void) => queryClient.getQueryCache().subscribe(onChange), [queryClient]);
  const count = () =>
    queryClient
      .getQueriesData<ConversationCache>({ queryKey: queryKeys.allMessages() })
      .reduce((sum, [, cache]) => sum + (cache?.messages.filter((m) => m.delivery !== undefined).length ?? 0), 0);
  return useSyncExternalStore(subscribeCache, count, () => 0);
}
