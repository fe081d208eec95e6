"use client";

import { createContext, createElement, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from "react";
import { CLOCK_COOKIE, clockCookieValue, type ReaderClock } from "@/lib/reader-clock";
import type { Clock } from "./time-labels";

const TICK_MS = 30_000;
let current: Clock | null = null;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

const readerZone = () => {
  const { timeZone, locale } = Intl.DateTimeFormat().resolvedOptions();
  return { timeZone, locale };
};

const tick = () => {
  current = { now: new Date(), ...readerZone() };
  listeners.forEach((notify) => notify());
};

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  timer ??= setInterval(tick, TICK_MS);
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const snapshot = () => (current ??= { now: new Date(), ...readerZone() });

const ServerClock = createContext<ReaderClock>({ now: "1970-01-01T00:00:00.000Z", timeZone: "UTC", locale: "en-US" });

/**
 * The server's idea of the reader's clock (the request's moment, and the time
 * zone and locale the browser told it in a cookie), so the HTML already has
 * the times and hydration changes nothing. Tells the server for next time.
 */
export function ClockProvider({ value, children }: { value: ReaderClock; children: ReactNode }) {
  useEffect(() => {
    const told = clockCookieValue(readerZone());
    if (!document.cookie.split("; ").includes(`${CLOCK_COOKIE}=${told}`)) {
      document.cookie = `${CLOCK_COOKIE}=${told}; path=/; max-age=31536000; samesite=lax`;
    }
  }, []);
  return createElement(ServerClock.Provider, { value }, children);
}

/**
 * The reader's clock, ticking every 30 s. On the server and while hydrating it
 * is the server's view (see ClockProvider); on a first visit that is UTC.
 */
export function useClock(): Clock {
  const server = useContext(ServerClock);
  const serverClock = useMemo(() => ({ now: new Date(server.now), timeZone: server.timeZone, locale: server.locale }), [server]);
  return useSyncExternalStore(subscribe, snapshot, () => serverClock);
}
