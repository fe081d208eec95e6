"use client";

import { MESSAGE_TYPES, type MessageType } from "@/lib/messaging/message-types";

/** Chooses what kind of message this is (General, Coffee Chat, Mentorship…). */
export function MessageTypeSelect({
  value,
  onChange,
  id = "message-type",
  className = "",
}: {
  value: MessageType;
  onChange: (type: MessageType) => void;
  id?: string;
  className?: string;
}) {
  return (
    <>
      <label htmlFor={id} className="sr-only">
        Message type
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as MessageType)}
        className={`min-h-11 rounded-lg border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900 ${className}`}
      >
        {Object.entries(MESSAGE_TYPES).map(([type, label]) => (
          <option key={type} value={type}>
            {label}
          </option>
        ))}
      </select>
    </>
  );
}
