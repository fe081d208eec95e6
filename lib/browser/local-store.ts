"use client";

import { useCallback, useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  // Another tab's change arrives as a storage event.
  window.addEventListener("storage", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** Reads a localStorage entry; private modes that refuse storage read as empty. */
export function readLocal(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Every localStorage key of this origin; none where storage is refused. */
export function readLocalKeys(): string[] {
  try {
    return Object.keys(localStorage);
  } catch {
    return [];
  }
}

/** Writes (or, with null, removes) a localStorage entry and tells every reader in this tab. */
export function writeLocal(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage full or refused: the value lives until the page is left.
  }
  notify();
}

/** One localStorage entry as React state: null on the server and while hydrating, so the HTML matches. */
export function useLocalValue(key: string | null): [string | null, (value: string | null) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => (key ? readLocal(key) : null),
    () => null,
  );
  const set = useCallback((next: string | null) => key && writeLocal(key, next), [key]);
  return [value, set];
}
