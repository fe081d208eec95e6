import type { ChatMessage } from "@/lib/browser/conversation-cache";

export type Delivery = "sending" | "sent" | "read" | "failed";

export const deliveryOf = (m: ChatMessage): Delivery => m.delivery ?? (m.is_read ? "read" : "sent");

const LABELS: Record<Delivery, string> = { sending: "Sending", sent: "Sent", read: "Read", failed: "Not sent" };

/** The tick on one of our messages: a clock while sending, one tick once sent, two blue ticks once read. */
export function DeliveryStatus({ delivery }: { delivery: Delivery }) {
  const label = LABELS[delivery];
  return (
    <span className="inline-flex items-center" title={label} data-testid="delivery-status">
      <span className="sr-only">{label}</span>
      <svg aria-hidden="true" viewBox="0 0 18 12" className={`h-3 w-[18px] ${TONES[delivery]}`} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        {delivery === "sending" ? (
          <>
            <circle cx="9" cy="6" r="4.8" />
            <path d="M9 3.6V6l1.6 1.2" />
          </>
        ) : delivery === "failed" ? (
          <>
            <circle cx="9" cy="6" r="4.8" />
            <path d="M9 3.5v3M9 8.4v.1" />
          </>
        ) : (
          <>
            <path d={delivery === "read" ? "M1.5 6.5 4.5 9.5 10.5 2.5" : "M4 6.5 7 9.5 13 2.5"} />
            {delivery === "read" ? <path d="M8.5 9.3 9 9.5 15 2.5" /> : null}
          </>
        )}
      </svg>
    </span>
  );
}

const TONES: Record<Delivery, string> = {
  sending: "text-slate-500 dark:text-slate-400",
  sent: "text-slate-500 dark:text-slate-400",
  read: "text-sky-600 dark:text-sky-400",
  failed: "text-red-600 dark:text-red-400",
};
