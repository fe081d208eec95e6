"use client";

import { useMuted } from "@/lib/browser/alert-settings";
import { useHydrated } from "@/lib/browser/use-hydrated";

/** Silences this conversation's toasts, sounds and notifications (kept in this browser). */
export function MuteButton({ me, partnerId, partnerName }: { me: number; partnerId: number; partnerName: string }) {
  const [muted, setMuted] = useMuted(me, partnerId);
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      aria-pressed={muted}
      disabled={!hydrated}
      onClick={() => setMuted(!muted)}
      title={muted ? "Notifications muted" : "Mute notifications"}
      className="inline-flex h-11 w-11 shrink-0 items-center justify-center rounded-full text-slate-700 hover:bg-slate-100 aria-pressed:text-amber-700 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-pressed:text-amber-400"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.9 1.9 0 0 0 3.4 0" />
        {muted ? <path d="M3 3l18 18" /> : null}
      </svg>
      <span className="sr-only">Mute notifications from {partnerName}</span>
    </button>
  );
}
