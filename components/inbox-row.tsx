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

type InboxRowProps = { conversation: ConversationJson; me: number; active: boolean; clock: Clock };

/** One partner in the inbox: who, what was said last, when, and how much is unread. */
export function InboxRow({ conversation, me, active, clock }: InboxRowProps) {
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
            {unread > 0 ? <CountBadge count={unread} testId="conversation-unread" /> : null}
          </div>
        </div>
      </Link>
    </li>
  );
}
