"use client";

import { useState } from "react";
import { useNotificationSetting, useSoundSetting } from "@/lib/browser/alert-settings";
import { playChime } from "@/lib/browser/chime";
import { useHydrated } from "@/lib/browser/use-hydrated";

const BLOCKED = "Your browser blocks notifications from this site. Allow them in the site settings, then turn this on again.";

/** Settings › Notifications: a sound for new messages, and browser notifications while the tab is hidden. */
export function NotificationSettings() {
  const hydrated = useHydrated();
  const [sound, setSound] = useSoundSetting();
  const [notify, setNotify] = useNotificationSetting();
  const [problem, setProblem] = useState<string | null>(null);

  async function toggleNotifications(on: boolean) {
    setProblem(null);
    if (!on) return setNotify(false);
    if (!("Notification" in window)) return setProblem("This browser cannot show notifications.");
    // Asked only here, when the member turns it on: never on page load.
    const permission = Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
    if (permission === "granted") setNotify(true);
    else setProblem(BLOCKED);
  }

  return (
    <section aria-labelledby="notification-settings-title" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-8 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="notification-settings-title" className="text-lg font-semibold">
        Notifications
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        New messages in other conversations always show a notice on the page. Mute a conversation from its header to silence it on
        all your devices. The two settings below are kept in this browser.
      </p>
      <div className="mt-4 flex flex-col divide-y divide-slate-200 dark:divide-slate-800">
        <Toggle
          label="Play a sound"
          hint="A short tone when a message arrives."
          checked={hydrated && sound}
          disabled={!hydrated}
          onChange={(on) => {
            setSound(on);
            if (on) playChime();
          }}
        />
        <Toggle
          label="Browser notifications"
          hint="Shown only while this tab is in the background. Your browser asks for permission when you turn this on."
          checked={hydrated && notify}
          disabled={!hydrated}
          onChange={(on) => void toggleNotifications(on)}
        />
      </div>
      {problem ? (
        <p role="alert" className="mt-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

type ToggleProps = { label: string; hint: string; checked: boolean; disabled: boolean; onChange: (on: boolean) => void };

function Toggle({ label, hint, checked, disabled, onChange }: ToggleProps) {
  return (
    <label className="flex min-h-14 cursor-pointer items-center justify-between gap-4 py-3">
      <span className="flex flex-col">
        <span className="font-medium">{label}</span>
        <span className="text-sm text-slate-600 dark:text-slate-400">{hint}</span>
      </span>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        className="h-6 w-11 shrink-0 cursor-pointer appearance-none rounded-full bg-slate-300 transition-colors before:block before:h-5 before:w-5 before:translate-x-0.5 before:translate-y-0.5 before:rounded-full before:bg-white before:shadow before:transition-transform checked:bg-emerald-700 checked:before:translate-x-[1.375rem] dark:bg-slate-600 dark:checked:bg-emerald-600"
      />
    </label>
  );
}
