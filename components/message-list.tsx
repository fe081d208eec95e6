"use client";

import { memo } from "react";
import type { ChatMessage } from "@/lib/browser/conversation-cache";
import { continuesRun, groupByDay } from "@/lib/browser/day-groups";
import { messageKey } from "@/lib/browser/conversation-cache";
import { dayLabel } from "@/lib/browser/time-labels";
import { useClock } from "@/lib/browser/use-clock";
import type { PartnerJson } from "@/lib/messaging/wire";
import { ClockLabel } from "./clock-label";
import { MessageBubble } from "./message-bubble";
import { UnreadDivider, type UnreadMark } from "./unread-divider";

type MessageListProps = {
  me: number;
  partner: PartnerJson;
  messages: ChatMessage[];
  unread: UnreadMark | null;
  onRetry: (message: ChatMessage) => void;
};

/**
 * The conversation's messages, oldest first, under a date separator for each day, with the unread divider.
 * Memoised: the view around it redraws on every keystroke of the draft, the list only when its messages change.
 */
export const MessageList = memo(function MessageList({ me, partner, messages, unread, onRetry }: MessageListProps) {
  const clock = useClock();
  return (
    <>
      {groupByDay(messages, clock.timeZone).map((group) => (
        <section key={group.day}>
          {/* Not sticky: a floating label would cover the text scrolling under it. */}
          <h3 className="my-3 flex justify-center">
            <ClockLabel
              as="span"
              at={group.first}
              clock={clock}
              text={dayLabel}
              className="rounded-full bg-white px-3 py-1 text-xs font-medium text-slate-600 shadow-sm ring-1 ring-slate-200/70 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-700"
            />
          </h3>
          <ol className="flex flex-col">
            {group.messages.map((message, i) => {
              const key = messageKey(message);
              const bubble = (
                <MessageBubble
                  key={key}
                  message={message}
                  mine={message.sender_id === me}
                  senderName={partner.name}
                  continuesRun={continuesRun(group.messages[i - 1], message)}
                  clock={clock}
                  onRetry={onRetry}
                />
              );
              return unread?.firstKey === key ? [<UnreadDivider key="unread-divider" count={unread.count} />, bubble] : bubble;
            })}
          </ol>
        </section>
      ))}
    </>
  );
});
