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

/**
 * The first client read adopts the server's clock object when the zone and
 * locale match (the usual case once the cookie is set): the same object means
 * no re-render of every timestamp right after hydration.
 */
function adopt(server: Clock): Clock {
  const reader = readerZone();
  current ??= server.timeZone === reader.timeZone && server.locale === reader.locale ? server : { now: new Date(), ...reader };
  return current;
}

const ServerClock = createContext<Clock>({ now: new Date(0), timeZone: "UTC", locale: "en-US" });

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
  const clock = useMemo(() => ({ now: new Date(value.now), timeZone: value.timeZone, locale: value.locale }), [value]);
  return createElement(ServerClock.Provider, { value: clock }, children);
}

/**
 * The reader's clock, ticking every 30 s. On the server and while hydrating it
 * is the server's view (see ClockProvider); on a first visit that is UTC.
 */
export function useClock(): Clock {
  const server = useContext(ServerClock);
  return useSyncExternalStore(subscribe, () => current ?? adopt(server), () => server);
}
