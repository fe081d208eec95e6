"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import type { ConversationCache } from "./conversation-cache";
import { queryKeys } from "./query-keys";

let requestsFailing = false;
const listeners = new Set<() => void>();
const returnListeners = new Set<() => void>();

const PROBE_URL = "/messaging/api/unread-count/";
const PROBE_EVERY_MS = 3_000;
let probe: ReturnType<typeof setInterval> | undefined;

/**
 * While requests fail, ask the server every 3 s whether it can be reached
 * again: with live events flowing nothing else may ask, and the banner must not stay up.
 */
function probeUntilReached() {
  probe ??= setInterval(() => {
    void fetch(PROBE_URL, { credentials: "same-origin", cache: "no-store" }).then(
      (response) => reportRequestReached(response.status < 500),
      () => {},
    );
  }, PROBE_EVERY_MS);
}

/** api() (and the live stream) report whether the server was reached; a failed request counts as offline until one succeeds. */
export function reportRequestReached(reached: boolean) {
  if (reached && probe) {
    clearInterval(probe);
    probe = undefined;
  }
  if (requestsFailing === !reached) return;
  requestsFailing = !reached;
  if (requestsFailing) probeUntilReached();
  listeners.forEach((listener) => listener());
  if (reached) reportConnectionReturned();
}

/** The server can be reached again: requests get through after failing, the browser is back online, or the live stream reconnected. */
export function reportConnectionReturned() {
  returnListeners.forEach((listener) => listener());
}

/** Calls `onReturn` each time the connection comes back; returns the unsubscribe. */
export function onConnectionReturned(onReturn: () => void): () => void {
  returnListeners.add(onReturn);
  window.addEventListener("online", onReturn);
  return () => {
    returnListeners.delete(onReturn);
    window.removeEventListener("online", onReturn);
  };
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
