import { memo } from "react";
import type { ChatMessage } from "@/lib/browser/conversation-cache";
import { clockTime, fullTime, type Clock } from "@/lib/browser/time-labels";
import { ClockLabel } from "./clock-label";
import { DeliveryStatus, deliveryOf } from "./delivery-status";
import { MessageText } from "./message-text";
import { MessageTypeChip } from "./message-type-chip";

const WAITING_FOR = {
  connection: "it goes out by itself when the connection is back.",
  server: "the server had a problem; it goes out by itself in a moment.",
} as const;

/** Under one of our failed messages: what stopped it, and whether it still goes out by itself. */
const notDelivered = ({ refusal, waitingFor }: ChatMessage) =>
  refusal ? `Not delivered: ${refusal}` : `Not delivered yet: ${WAITING_FOR[waitingFor ?? "connection"]}`;

type BubbleProps = {
  message: ChatMessage;
  mine: boolean;
  senderName: string;
  continuesRun: boolean;
  clock: Clock;
  onRetry: (message: ChatMessage) => void;
};

/**
 * One message: the partner's on the left, ours on the right with its tick (and
 * a retry when it failed). Memoised: a long history re-renders only the bubbles that changed.
 */
export const MessageBubble = memo(function MessageBubble({ message, mine, senderName, continuesRun, clock, onRetry }: BubbleProps) {
  const delivery = deliveryOf(message);
  const at = new Date(message.timestamp);
  return (
    <li
      data-key={message.client_id ?? `#${message.id}`}
      data-status={mine ? delivery : undefined}
      data-testid="message"
      className={`flex flex-col [contain-intrinsic-size:auto_3rem] [content-visibility:auto] ${mine ? "items-end" : "items-start"} ${continuesRun ? "mt-0.5" : "mt-3"}`}
    >
      <div
        className={`relative max-w-[85%] rounded-2xl px-3 py-1.5 text-[15px] leading-snug shadow-sm sm:max-w-[70%] ${
          mine
            ? `bg-emerald-100 text-slate-900 dark:bg-emerald-900 dark:text-emerald-50 ${continuesRun ? "" : "rounded-tr-md"}`
            : `bg-white text-slate-900 ring-1 ring-slate-200/80 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-700 ${continuesRun ? "" : "rounded-tl-md"}`
        } ${delivery === "failed" && mine ? "ring-2 ring-red-400" : ""}`}
      >
        <span className="sr-only">{mine ? "You" : senderName}: </span>
        <MessageTypeChip type={message.message_type} className="mb-1 mt-0.5" />
        <MessageText text={message.content} />
        <span className="float-right ml-3 mt-1 inline-flex translate-y-0.5 items-center gap-1 text-[11px] leading-4 text-slate-600 dark:text-slate-300">
          <ClockLabel dateTime={message.timestamp} at={at} clock={clock} text={clockTime} title={fullTime} />
          {mine ? <DeliveryStatus delivery={delivery} /> : null}
        </span>
      </div>
      {mine && delivery === "failed" ? (
        <p className="mt-1 flex max-w-[85%] items-center gap-1 text-right text-xs text-red-700 sm:max-w-[70%] dark:text-red-300">
          {notDelivered(message)}
          <button
            type="button"
            onClick={() => onRetry(message)}
            className="inline-flex min-h-11 items-center rounded-md px-2 font-semibold underline underline-offset-2 hover:bg-red-50 dark:hover:bg-red-950"
          >
            Retry
          </button>
        </p>
      ) : null}
    </li>
  );
});
