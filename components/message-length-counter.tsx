import { messageLength } from "@/lib/browser/composer-input";
import { MAX_MESSAGE_LENGTH } from "@/lib/messaging/message-types";

const SHOWN_FROM = MAX_MESSAGE_LENGTH - 500;
const format = (n: number) => n.toLocaleString("en-US");

/** "4,600 / 5,000" once a message nears the limit; red beyond it. */
export function MessageLengthCounter({ id, text, className = "" }: { id: string; text: string; className?: string }) {
  const length = messageLength(text);
  const tooLong = length > MAX_MESSAGE_LENGTH;
  return (
    <span id={id} aria-live="polite" className={`tabular-nums ${tooLong ? "font-semibold text-red-700 dark:text-red-400" : ""} ${className}`}>
      {length >= SHOWN_FROM ? `${format(length)} / ${format(MAX_MESSAGE_LENGTH)}` : ""}
    </span>
  );
}
