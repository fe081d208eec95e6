import { displayName } from "@/lib/members";
import Link from "next/link";
import type { PartnerJson } from "@/lib/messaging/wire";
import type { PresenceState } from "@/lib/browser/live/apply-event";
import { MuteButton } from "./mute-button";
import { PartnerStatus, PresenceDot } from "./partner-status";
import { Avatar } from "./ui/avatar";

/** Who the conversation is with (typing, online or last seen), its mute switch, and (on phones) the way back. */
export function ConversationHeader({ partner, presence }: { partner: PartnerJson; presence?: PresenceState }) {
  return (
    <header className="flex min-h-16 shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-2 py-2 sm:px-4 dark:border-slate-800 dark:bg-slate-900">
      <Link
        href="/messaging/"
        className="inline-flex h-11 w-11 shrink-0 items-center justify-center rounded-full text-slate-700 hover:bg-slate-100 md:hidden dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M15 18l-6-6 6-6" />
        </svg>
        <span className="sr-only">Back to messages</span>
      </Link>
      <span className="relative shrink-0">
        <Avatar id={partner.id} name={displayName(partner)} />
        <PresenceDot partnerId={partner.id} />
      </span>
      <div className="min-w-0 flex-1">
        <h2 id="conversation-title" className="truncate text-base font-semibold leading-tight">
          {displayName(partner)}
        </h2>
        <p className="truncate text-sm text-slate-600 dark:text-slate-400" data-testid="partner-status">
          <PartnerStatus partnerId={partner.id} presence={presence} fallback={partner.headline || `@${partner.username}`} />
        </p>
      </div>
      <MuteButton partnerId={partner.id} partnerName={displayName(partner)} />
    </header>
  );
}
