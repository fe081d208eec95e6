"use client";

import { useEffect, useRef, type FormEvent, type KeyboardEvent } from "react";
import { takeComposerFocusRequest } from "@/lib/browser/composer-focus";
import { isSendable, isSendKey, messageLength } from "@/lib/browser/composer-input";
import { useHydrated } from "@/lib/browser/use-hydrated";
import { MAX_MESSAGE_LENGTH, type MessageType } from "@/lib/messaging/message-types";
import { CompactTypeSelect } from "./compact-type-select";
import { MessageLengthCounter } from "./message-length-counter";
import { SendKeysHint } from "./send-keys-hint";
import { MessageTypeChip } from "./message-type-chip";

type ComposerProps = {
  partnerName: string;
  draft: string;
  onDraftChange: (draft: string) => void;
  messageType: MessageType;
  onMessageTypeChange: (type: MessageType) => void;
  onSend: () => void;
};

/** Where a message is written: Enter sends (a new line on a phone; see isSendKey); a counter shows near the limit; focus stays. */
export function Composer({ partnerName, draft, onDraftChange, messageType, onMessageTypeChange, onSend }: ComposerProps) {
  const text = useRef<HTMLTextAreaElement>(null);
  const tooLong = messageLength(draft) > MAX_MESSAGE_LENGTH;
  const canSend = isSendable(draft);

  const hydrated = useHydrated();
  useEffect(() => {
    // Text typed before this part of the page could listen (a slow phone) stays, and Send can send it.
    const typed = text.current?.value ?? "";
    if (typed && typed !== draft) onDraftChange(typed);
    if (takeComposerFocusRequest()) text.current?.focus();
    // Only at mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!canSend) return;
    onSend();
    // Clicking Send would otherwise leave the focus on a button that is now disabled.
    text.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (isSendKey(event)) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form
      onSubmit={submit}
      aria-label={`Message ${partnerName}`}
      data-hydrated={hydrated || undefined}
      className="shrink-0 border-t border-slate-200 bg-white px-2 pt-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] sm:px-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-end gap-1.5 sm:gap-2">
        <CompactTypeSelect value={messageType} onChange={onMessageTypeChange} />
        <label htmlFor="composer-text" className="sr-only">
          Message to {partnerName}
        </label>
        <textarea
          ref={text}
          id="composer-text"
          rows={1}
          value={draft}
          onChange={(e) => onDraftChange(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Write a message"
          aria-describedby="composer-hint composer-counter"
          aria-invalid={tooLong || undefined}
          className="field-sizing-content max-h-40 min-h-11 min-w-0 flex-1 resize-none rounded-2xl border border-slate-300 bg-slate-50 px-4 py-2.5 text-base leading-6 placeholder:text-slate-500 focus:border-emerald-600 focus:bg-white dark:border-slate-700 dark:bg-slate-800 dark:placeholder:text-slate-400 dark:focus:bg-slate-900"
        />
        <button
          type="submit"
          disabled={!canSend}
          className="inline-flex h-11 w-11 shrink-0 items-center justify-center rounded-full bg-emerald-700 text-white transition-colors hover:bg-emerald-800 disabled:bg-slate-300 disabled:text-slate-600 dark:disabled:bg-slate-700 dark:disabled:text-slate-300"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="currentColor">
            <path d="M3.4 20.4 21 12 3.4 3.6 3.4 10.2 15 12 3.4 13.8z" />
          </svg>
          <span className="sr-only">Send</span>
        </button>
      </div>
      <div className="flex min-h-5 items-center gap-2 px-1 pt-1 text-xs text-slate-600 dark:text-slate-400">
        <MessageTypeChip type={messageType} className="py-0" />
        <SendKeysHint id="composer-hint" className="hidden md:inline" />
        <MessageLengthCounter id="composer-counter" text={draft} className="ml-auto" />
      </div>
    </form>
  );
}
