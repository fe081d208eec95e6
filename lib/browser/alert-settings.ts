"use client";

import { readLocal, useLocalValue } from "./local-store";

/** How a message in another conversation is announced; kept per browser in localStorage (mutes are on the server: use-mutes). */
const SOUND = "alerts:sound";
const NOTIFICATIONS = "alerts:notifications";

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
