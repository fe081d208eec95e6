"use client";

import { readLocal, useLocalValue, writeLocal } from "./local-store";

/** How a message in another conversation is announced; kept per browser in localStorage. */
const SOUND = "alerts:sound";
const NOTIFICATIONS = "alerts:notifications";
const mutedKey = (me: number) => `alerts:muted:${me}`;

export function useSoundSetting(): [boolean, (on: boolean) => void] {
  const [value, set] = useLocalValue(SOUND);
  return [value === "on", (on) => set(on ? "on" : null)];
}

export function useNotificationSetting(): [boolean, (on: boolean) => void] {
  const [value, set] = useLocalValue(NOTIFICATIONS);
  return [value === "on", (on) => set(on ? "on" : null)];
}

export const soundEnabled = () => readLocal(SOUND) === "on";
export const notificationsEnabled = () => readLocal(NOTIFICATIONS) === "on";

function mutedIds(me: number): number[] {
  try {
    const ids: unknown = JSON.parse(readLocal(mutedKey(me)) ?? "[]");
    return Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id)) : [];
  } catch {
    return [];
  }
}

export const isMuted = (me: number, partnerId: number) => mutedIds(me).includes(partnerId);

/** Whether one conversation is muted: no toast, sound or notification, and not in the tab title's count. */
export function useMuted(me: number, partnerId: number): [boolean, (muted: boolean) => void] {
  const [raw] = useLocalValue(mutedKey(me));
  const muted = raw !== null && isMuted(me, partnerId);
  const setMuted = (on: boolean) => {
    const others = mutedIds(me).filter((id) => id !== partnerId);
    writeLocal(mutedKey(me), JSON.stringify(on ? [...others, partnerId] : others));
  };
  return [muted, setMuted];
}

/** The muted conversations as a set, re-read whenever a mute changes. */
export function useMutedIds(me: number): Set<number> {
  const [raw] = useLocalValue(mutedKey(me));
  return new Set(raw === null ? [] : mutedIds(me));
}
