"use client";

import { usePartnerPresence, usePartnerTyping } from "@/lib/browser/live/use-typing";
import type { PresenceState } from "@/lib/browser/live/apply-event";
import { useClock } from "@/lib/browser/use-clock";
import { inboxTime, type Clock } from "@/lib/browser/time-labels";
import { ClockLabel } from "./clock-label";

const lastSeen = (at: Date, clock: Clock) => `last seen ${inboxTime(at, clock)}`;

/** The line under a partner's name: "typing…", "online", "last seen 5 min", or what is shown otherwise. */
export function PartnerStatus({ partnerId, presence, fallback }: { partnerId: number; presence?: PresenceState; fallback: string }) {
  const typing = usePartnerTyping(partnerId);
  const { online, last_seen } = usePartnerPresence(partnerId, presence);
  const clock = useClock();
  if (typing) return <span className="font-medium text-emerald-700 dark:text-emerald-400">typing…</span>;
  if (online) return <span>online</span>;
  if (last_seen && clock) return <ClockLabel as="span" at={new Date(last_seen)} clock={clock} text={lastSeen} />;
  return <span>{fallback}</span>;
}

/** A green dot on an avatar while the partner is online. */
export function PresenceDot({ partnerId }: { partnerId: number }) {
  const { online } = usePartnerPresence(partnerId);
  if (!online) return null;
  return (
    <span
      data-testid="presence-dot"
      className="absolute right-0 bottom-0 h-3 w-3 rounded-full bg-emerald-500 ring-2 ring-white dark:ring-slate-900"
    >
      <span className="sr-only">online</span>
    </span>
  );
}

/** An inbox row's preview, or "typing…" while the partner types to us. */
export function TypingOrPreview({ partnerId, children }: { partnerId: number; children: React.ReactNode }) {
  const typing = usePartnerTyping(partnerId);
  return typing ? <span className="font-medium text-emerald-700 dark:text-emerald-400">typing…</span> : <>{children}</>;
}
