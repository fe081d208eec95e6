import { displayName, conversationPath } from "@/lib/members";
import Link from "next/link";
import { useDraftPreview } from "@/lib/browser/drafts";
import type { Clock } from "@/lib/browser/time-labels";
import { fullTime, inboxTime } from "@/lib/browser/time-labels";
import type { ConversationJson } from "@/lib/messaging/wire";
import { ClockLabel } from "./clock-label";
import { MessageTypeChip } from "./message-type-chip";
import { PresenceDot, TypingOrPreview } from "./partner-status";
import { Avatar } from "./ui/avatar";
import { CountBadge } from "./ui/count-badge";

type InboxRowProps = { conversation: ConversationJson; me: number; active: boolean; muted: boolean; clock: Clock };

/** One partner in the inbox: who, what was said last, when, how much is unread, and whether it is muted. */
export function InboxRow({ conversation, me, active, muted, clock }: InboxRowProps) {
  const { user: partner, last_message: last, unread_count: unread } = conversation;
  const name = displayName(partner);
  const at = new Date(last.timestamp);
  const preview = last.content.replace(/\s+/g, " ");
  const draft = useDraftPreview(me, partner.id);
  return (
    <li>
      <Link
        href={conversationPath(partner.id)}
        aria-current={active ? "page" : undefined}
        data-testid="conversation-row"
        className={`flex min-h-[72px] items-center gap-3 px-3 py-2 outline-offset-[-2px] transition-colors sm:px-4 ${
          active ? "bg-emerald-50 dark:bg-emerald-950/60" : "hover:bg-slate-50 dark:hover:bg-slate-800/60"
        }`}
      >
        <span className="relative shrink-0">
          <Avatar id={partner.id} name={name} />
          <PresenceDot partnerId={partner.id} />
        </span>
        <div className="min-w-0 flex-1 border-b border-slate-100 py-1.5 dark:border-slate-800/0">
          <div className="flex items-baseline gap-2">
            <span className={`min-w-0 flex-1 truncate ${unread ? "font-semibold" : "font-medium"}`}>{name}</span>
            <ClockLabel
              dateTime={last.timestamp}
              at={at}
              clock={clock}
              text={inboxTime}
              title={fullTime}
              className={`shrink-0 text-xs ${unread ? "font-semibold text-emerald-700 dark:text-emerald-400" : "text-slate-600 dark:text-slate-400"}`}
            />
          </div>
          <div className="mt-0.5 flex items-center gap-2">
            {draft && !active ? null : <MessageTypeChip type={last.message_type} />}
            <span className={`min-w-0 flex-1 truncate text-sm ${unread ? "text-slate-900 dark:text-slate-100" : "text-slate-600 dark:text-slate-400"}`}>
              {draft && !active ? (
                <>
                  <span className="font-semibold text-emerald-800 dark:text-emerald-300">Draft: </span>
                  {draft}
                </>
              ) : (
                <TypingOrPreview partnerId={partner.id}>
                  {last.sender_id === me ? <span className="text-slate-600 dark:text-slate-400">You: </span> : null}
                  {preview}
                </TypingOrPreview>
              )}
            </span>
            {muted ? <MutedIcon /> : null}
            {unread > 0 ? <CountBadge count={unread} testId="conversation-unread" muted={muted} /> : null}
          </div>
        </div>
      </Link>
    </li>
  );
}

function MutedIcon() {
  return (
    <span data-testid="conversation-muted" className="shrink-0 text-slate-500 dark:text-slate-400">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.9 1.9 0 0 0 3.4 0M3 3l18 18" />
      </svg>
      <span className="sr-only">Muted</span>
    </span>
  );
}
