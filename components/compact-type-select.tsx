"use client";

import { MESSAGE_TYPES, type MessageType } from "@/lib/messaging/message-types";

/**
 * The composer's message type as a 44 px button: the native select sits
 * invisibly on top of a tag icon (so phones show their own picker); a chosen
 * type other than General tints the icon, and the composer names it below.
 */
export function CompactTypeSelect({ value, onChange }: { value: MessageType; onChange: (type: MessageType) => void }) {
  const chosen = value !== "general";
  return (
    <div className="relative h-11 w-11 shrink-0">
      <label htmlFor="message-type" className="sr-only">
        Message type
      </label>
      <select
        id="message-type"
        value={value}
        onChange={(e) => onChange(e.target.value as MessageType)}
        className="peer absolute inset-0 h-full w-full cursor-pointer appearance-none opacity-0"
      >
        {Object.entries(MESSAGE_TYPES).map(([type, label]) => (
          <option key={type} value={type}>
            {label}
          </option>
        ))}
      </select>
      <span
        aria-hidden="true"
        className={`pointer-events-none flex h-full w-full items-center justify-center rounded-full peer-hover:bg-slate-100 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-emerald-600 dark:peer-hover:bg-slate-800 ${
          chosen ? "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" : "text-slate-600 dark:text-slate-300"
        }`}
      >
        <svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M20.6 13.4 13.4 20.6a2 2 0 0 1-2.8 0L3 13V3h10l7.6 7.6a2 2 0 0 1 0 2.8z" />
          <path d="M7.5 7.5h.01" />
        </svg>
      </span>
    </div>
  );
}
