"use client";

import { useHydrated } from "@/lib/browser/use-hydrated";
import { useMuted } from "@/lib/browser/use-mutes";
import { useToast } from "./toaster";

/** Silences this conversation's toasts, sounds and notifications, on every device the member uses. */
export function MuteButton({ partnerId, partnerName }: { partnerId: number; partnerName: string }) {
  const [muted, setMuted] = useMuted(partnerId);
  const toast = useToast();
  const hydrated = useHydrated();
  const toggle = () =>
    setMuted(!muted).catch((error: Error) => toast(`${muted ? "Could not unmute" : "Could not mute"}: ${error.message}`, "error"));
  return (
    <button
      type="button"
      aria-pressed={muted}
      disabled={!hydrated}
      onClick={toggle}
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
