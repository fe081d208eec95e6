"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { reportRequestReached } from "../connection-status";
import { applyLiveEvent, MESSAGING_KEYS, newestKnownMessageId } from "./apply-event";
import { connectLive } from "./connection";

type LiveState = { connected: boolean; memberId: number | null };

const LiveContext = createContext<LiveState>({ connected: false, memberId: null });

/** Whether live events are flowing; while they are, nothing needs to poll. */
export const useLive = () => useContext(LiveContext);

/**
 * Keeps the signed-in member's events stream open and writes its events into
 * the React Query cache. A reconnection, or a page back in the foreground
 * after the stream dropped, refetches what the page shows.
 */
export function LiveProvider({ memberId, children }: { memberId: number | null; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (memberId === null) return;
    const refetch = () => MESSAGING_KEYS.forEach((queryKey) => void queryClient.invalidateQueries({ queryKey }));
    let isConnected = false;
    const disconnect = connectLive(memberId, {
      onEvent: (event) => applyLiveEvent(queryClient, event, memberId),
      onStatus: (now, reconnected) => {
        isConnected = now;
        if (now) reportRequestReached(true);
        setConnected(now);
        if (reconnected) refetch();
      },
      cursor: () => newestKnownMessageId(queryClient),
    });
    const onVisible = () => {
      if (document.visibilityState === "visible" && !isConnected) refetch();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      disconnect();
    };
  }, [memberId, queryClient]);

  return <LiveContext.Provider value={{ connected, memberId }}>{children}</LiveContext.Provider>;
}
