"use client";

import { useSyncExternalStore } from "react";
import type { Clock } from "./time-labels";

const TICK_MS = 30_000;
let current: Clock | null = null;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

const tick = () => {
  current = { now: new Date() };
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

const snapshot = () => (current ??= { now: new Date() });

/**
 * The reader's clock, ticking every 30 s. Null on the server and while hydrating:
 * the server knows neither the reader's time zone nor the moment the page is read.
 */
export function useClock(): Clock | null {
  return useSyncExternalStore(subscribe, snapshot, () => null);
}

/** Before hydration, day boundaries are drawn in UTC so server and client agree. */
export const SERVER_CLOCK_ZONE = "UTC";
