import { messageTypeChip, type MessageType } from "@/lib/messaging/message-types";

const TONES: Partial<Record<MessageType, string>> = {
  coffee_chat: "bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  mentorship: "bg-violet-100 text-violet-900 ring-violet-300 dark:bg-violet-950 dark:text-violet-200 dark:ring-violet-800",
  networking: "bg-sky-100 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800",
  collaboration: "bg-teal-100 text-teal-900 ring-teal-300 dark:bg-teal-950 dark:text-teal-200 dark:ring-teal-800",
};

/** The "Coffee Chat request" pill on a message or an inbox row; nothing for general messages. */
export function MessageTypeChip({ type, className = "" }: { type: string | null | undefined; className?: string }) {
  const label = messageTypeChip(type);
  if (!label) return null;
  return (
    <span
      data-message-type={type}
      className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[type as MessageType] ?? ""} ${className}`}
    >
      {label}
    </span>
  );
}
