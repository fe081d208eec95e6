"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { LiveEvent } from "@/lib/live/events";
import { reportConnectionReturned, reportRequestReached } from "../connection-status";
import { MESSAGING_KEYS, newestKnownMessageId } from "./apply-event";
import { connectLive } from "./connection";
import { liveCache } from "./late-queries";

type LiveListener = (event: LiveEvent) => void;
type LiveState = {
  connected: boolean;
  memberId: number | null;
  /** Called with each event after it is written into the cache; returns the unsubscribe. */
  subscribe(listener: LiveListener): () => void;
};

const noListeners = () => () => {};
const LiveContext = createContext<LiveState>({ connected: false, memberId: null, subscribe: noListeners });

/** Whether live events are flowing; while they are, nothing needs to poll. */
export const useLive = () => useContext(LiveContext);

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
  const [connected, setConnected] = useState(false);
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
        setConnected(now);
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
      cache.stop();
    };
  }, [memberId, queryClient, listeners, resumeAfter]);

  return <LiveContext.Provider value={{ connected, memberId, subscribe }}>{children}</LiveContext.Provider>;
}
