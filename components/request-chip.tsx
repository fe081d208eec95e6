import { messageTypeChip } from "@/lib/messaging/message-types";

/** "Coffee Chat request" and the like; nothing for a general message. */
export function RequestChip({ type, className = "" }: { type: string | null; className?: string }) {
  const label = messageTypeChip(type);
  if (!label) return null;
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full bg-amber-100 px-2 py-0.5 text-[11px] font-semibold text-amber-900 dark:bg-amber-900/60 dark:text-amber-100 ${className}`}
    >
      {label}
    </span>
  );
}
