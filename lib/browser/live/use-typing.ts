"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../api";
import { queryKeys } from "../query-keys";
import type { PresenceState } from "./apply-event";

const SIGNAL_EVERY_MS = 3_000;

/** Reads a value live events write into the cache (never fetched). */
function usePushed<T>(queryKey: readonly unknown[], initial: T): T {
  const { data } = useQuery({ queryKey, queryFn: () => initial, initialData: initial, enabled: false, staleTime: Infinity });
  return data ?? initial;
}

/** Whether the partner is typing to us now (hidden 7 s after their last signal). */
export function usePartnerTyping(partnerId: number): boolean {
  const until = usePushed(queryKeys.typing(partnerId), 0);
  const [expired, setExpired] = useState(0);
  useEffect(() => {
    if (until <= 0) return;
    const timer = setTimeout(() => setExpired(until), Math.max(0, until - Date.now()));
    return () => clearTimeout(timer);
  }, [until]);
  return until > 0 && expired !== until;
}

/** The partner's presence as last pushed (or as the page was rendered with). */
export const usePartnerPresence = (partnerId: number, initial: PresenceState = { online: false, last_seen: null }) =>
  usePushed(queryKeys.presence(partnerId), initial);

/**
 * Tells the partner we are typing: at most one signal per 3 s while the text
 * changes, and a stop when the message is sent or the composer loses focus.
 */
export function useTypingSignal(partnerId: number) {
  const lastSent = useRef(0);
  const signal = (typing: boolean) =>
    void api("/messaging/api/typing/", { method: "POST", body: { receiver_id: partnerId, typing } }).catch(() => {});
  const typed = useCallback(
    (text: string) => {
      if (!text.trim()) return;
      if (Date.now() - lastSent.current < SIGNAL_EVERY_MS) return;
      lastSent.current = Date.now();
      signal(true);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [partnerId],
  );
  const stopped = useCallback(() => {
    if (lastSent.current === 0) return;
    lastSent.current = 0;
    signal(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [partnerId]);
  return { typed, stopped };
}
