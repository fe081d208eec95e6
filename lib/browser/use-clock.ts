"use client";

import { createContext, createElement, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from "react";
import type { ReaderClock } from "@/lib/reader-clock";
import { readerZone } from "./reader-zone";
import type { Clock } from "./time-labels";

const TICK_MS = 30_000;
let current: Clock | null = null;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

const tick = () => {
  current = { now: new Date(), ...readerZone({ recheck: true }) };
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

/** The clocks ClockProvider made from the server's: while a label's clock is one of them, the server drew it. */
const serverClocks = new WeakSet<Clock>();
export const isServerClock = (clock: Clock) => serverClocks.has(clock);

/**
 * The server's idea of the reader's clock (the request's moment, and the time
 * zone and locale the browser told it in a cookie), so the HTML already has
 * the times and hydration changes nothing. Tells the server for next time.
 */
export function ClockProvider({ value, children }: { value: ReaderClock; children: ReactNode }) {
  useEffect(() => {
    readerZone(); // sets the cookie when it is missing or out of date
  }, []);
  const clock = useMemo(() => {
    const made = { now: new Date(value.now), timeZone: value.timeZone, locale: value.locale };
    if (typeof window !== "undefined") serverClocks.add(made);
    return made;
  }, [value]);
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
