"use client";

import type { ChatMessage } from "@/lib/browser/conversation-cache";
import { continuesRun, groupByDay } from "@/lib/browser/day-groups";
import { messageKey } from "@/lib/browser/conversation-cache";
import { dayLabel } from "@/lib/browser/time-labels";
import { SERVER_CLOCK_ZONE, useClock } from "@/lib/browser/use-clock";
import type { PartnerJson } from "@/lib/messaging/wire";
import { MessageBubble } from "./message-bubble";

type MessageListProps = {
  me: number;
  partner: PartnerJson;
  messages: ChatMessage[];
  onRetry: (message: ChatMessage) => void;
};

/** The conversation's messages, oldest first, under a date separator for each day. */
export function MessageList({ me, partner, messages, onRetry }: MessageListProps) {
  const clock = useClock();
  const zone = clock ? clock.timeZone : SERVER_CLOCK_ZONE;
  return (
    <>
      {groupByDay(messages, zone).map((group) => (
        <section key={group.day}>
          <h3 className="sticky top-2 z-10 my-3 flex justify-center">
            <span className="rounded-full bg-white/90 px-3 py-1 text-xs font-medium text-slate-600 shadow-sm ring-1 ring-slate-200/70 backdrop-blur dark:bg-slate-800/90 dark:text-slate-300 dark:ring-slate-700">
              {clock ? dayLabel(group.first, clock) : group.day}
            </span>
          </h3>
          <ol className="flex flex-col">
            {group.messages.map((message, i) => (
              <MessageBubble
                key={messageKey(message)}
                message={message}
                mine={message.sender_id === me}
                senderName={partner.name}
                continuesRun={continuesRun(group.messages[i - 1], message)}
                clock={clock}
                onRetry={onRetry}
              />
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
