"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, startTransition, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { LiveEvent } from "@/lib/live/events";
import { reportConnectionReturned, reportRequestReached } from "../connection-status";
import { MESSAGING_KEYS, newestKnownMessageId } from "./apply-event";
import { connectLive } from "./connection";
import { liveCache } from "./late-queries";

type LiveListener = (event: LiveEvent) => void;
type StatusListener = (connected: boolean) => void;
type LiveState = {
  memberId: number | null;
  /** Called with each event after it is written into the cache; returns the unsubscribe. */
  subscribe(listener: LiveListener): () => void;
  /** Called now with whether the stream is open, then on each change; returns the unsubscribe. */
  watchStatus(listener: StatusListener): () => void;
};

const noListeners = () => () => {};
const LiveContext = createContext<LiveState>({
  memberId: null,
  subscribe: noListeners,
  watchStatus: (listener) => {
    listener(false);
    return () => {};
  },
});

/** The signed-in member and the live events: the same object for the life of the page. */
export const useLive = () => useContext(LiveContext);

/**
 * Whether live events are flowing; while they are, nothing needs to poll.
 *
 * Not part of the context's value: the stream often opens while the inbox or the conversation is still dehydrated
 * server HTML, and a changed context value reaching them makes React hydrate them at once in one blocking task
 * (40-50 ms on a phone's first load, or it draws them again on the client). Each reader learns it after its own
 * hydration instead, in a transition.
 */
export function useLiveConnected(): boolean {
  const { watchStatus } = useContext(LiveContext);
  const [connected, setConnected] = useState(false);
  useEffect(() => watchStatus((now) => startTransition(() => setConnected(now))), [watchStatus]);
  return connected;
}

/** The stream's open/closed state, outside React's state (see useLiveConnected). */
function statusHolder() {
  let connected = false;
  const listeners = new Set<StatusListener>();
  return {
    set(now: boolean) {
      if (now === connected) return;
      connected = now;
      listeners.forEach((listener) => listener(now));
    },
    watch(listener: StatusListener) {
      listeners.add(listener);
      listener(connected);
      return () => void listeners.delete(listener);
    },
  };
}

/**
 * Keeps the signed-in member's events stream open and writes its events into
 * the React Query cache, then hands them to subscribers (the message alerts). A reconnection, or a page back in the foreground
 * after the stream dropped, refetches what the page shows.
 */
export function LiveProvider({
  memberId,
  newestMessageId = null,
  children,
}: {
  memberId: number | null;
  /** Where the stream resumes while the cache knows no message yet (the page's data may stream in after it opens). */
  newestMessageId?: number | null;
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const [status] = useState(statusHolder);
  const [listeners] = useState(() => new Set<LiveListener>());
  const [subscribe] = useState(() => (listener: LiveListener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  });

  // Read once, when the stream first opens: later renders of the layout must not reconnect it.
  const [resumeAfter] = useState(newestMessageId);

  useEffect(() => {
    if (memberId === null) return;
    const refetch = () => MESSAGING_KEYS.forEach((queryKey) => void queryClient.invalidateQueries({ queryKey }));
    let isConnected = false;
    // Before the stream opens: the inbox and the conversation stream in after it (see liveCache).
    const cache = liveCache(queryClient, memberId);
    const disconnect = connectLive(memberId, {
      onEvent: (event) => {
        cache.apply(event);
        listeners.forEach((listener) => listener(event));
      },
      onStatus: (now, reconnected) => {
        isConnected = now;
        if (now) reportRequestReached(true);
        status.set(now);
        if (reconnected) {
          cache.forget();
          refetch();
          reportConnectionReturned();
        }
      },
      // The cache's newest when it has one; else the newest when the page was drawn, so that what arrived
      // between the server render and this connection comes as catch-up events instead of being missed.
      cursor: () => newestKnownMessageId(queryClient) ?? (resumeAfter ?? undefined),
    });
    const onVisible = () => {
      if (document.visibilityState === "visible" && !isConnected) refetch();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      disconnect();
      status.set(false);
      cache.stop();
    };
  }, [memberId, queryClient, listeners, resumeAfter, status]);

  const value = useMemo(() => ({ memberId, subscribe, watchStatus: status.watch }), [memberId, subscribe, status]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
