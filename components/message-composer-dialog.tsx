"use client";

import { conversationPath } from "@/lib/members";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { api, ApiRequestError } from "@/lib/browser/api";
import { requestComposerFocus } from "@/lib/browser/composer-focus";
import { isSendable, isSendKey, messageLength } from "@/lib/browser/composer-input";
import { MAX_MESSAGE_LENGTH, MESSAGE_TYPES, type MessageType } from "@/lib/messaging/message-types";
import type { MessageJson } from "@/lib/messaging/wire";
import { MessageLengthCounter } from "./message-length-counter";
import { SendKeysHint } from "./send-keys-hint";
import { MessageTypeSelect } from "./message-type-select";
import { useToast } from "./toaster";
import { Button } from "./ui/button";

/** What is being written; `idempotencyKey` is fixed at the first attempt and reused on every retry, so the server stores it once. */
export type ComposerDraft = { content: string; type: MessageType; idempotencyKey: string | null };

export const emptyDraft = (): ComposerDraft => ({ content: "", type: "general", idempotencyKey: null });

type Props = {
  member: { id: number; name: string };
  draft: ComposerDraft;
  onDraftChange: (draft: ComposerDraft) => void;
  onClose: () => void;
};

const sentToast = (type: MessageType, name: string) =>
  type === "general" ? `Message sent to ${name}.` : `${MESSAGE_TYPES[type]} request sent to ${name}.`;

/** A modal composer for messaging a member from their card: type, text, send; errors stay inside with the text. */
export function MessageComposerDialog({ member, draft, onDraftChange, onClose }: Props) {
  const router = useRouter();
  const toast = useToast();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const ids = useId();
  const tooLong = messageLength(draft.content) > MAX_MESSAGE_LENGTH;

  useEffect(() => {
    const dialog = dialogRef.current;
    // showModal traps focus inside and makes Escape close the dialog.
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first control (Close); the text is where people start.
    textRef.current?.focus();
    // No cleanup: an unmounted dialog leaves the top layer by itself, and closing it here would fire onClose.
  }, []);

  async function send() {
    if (pending || !isSendable(draft.content)) return;
    const idempotencyKey = draft.idempotencyKey ?? crypto.randomUUID();
    if (!draft.idempotencyKey) onDraftChange({ ...draft, idempotencyKey });
    setPending(true);
    setError(null);
    try {
      const { message } = await api<{ message: MessageJson }>("/messaging/api/send/", {
        method: "POST",
        body: { receiver_id: member.id, content: draft.content, message_type: draft.type, client_id: idempotencyKey },
      });
      onDraftChange(emptyDraft());
      toast(sentToast(draft.type, member.name), "success");
      // The conversation's composer takes the focus, so the member can go on writing.
      requestComposerFocus();
      router.push(conversationPath(message.receiver_id));
    } catch (caught) {
      setPending(false);
      setError(caught instanceof ApiRequestError ? caught.message : "The message could not be sent. Try again.");
      textRef.current?.focus();
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void send();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // The same keys as the conversation's composer (a new line on a phone).
    if (isSendKey(event)) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${ids}-title`}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100%-1.5rem))] rounded-2xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/50 backdrop:backdrop-blur-sm dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
    >
      <form onSubmit={onSubmit} className="flex flex-col gap-4 p-5" noValidate>
        <div className="flex items-start justify-between gap-3">
          <h2 id={`${ids}-title`} className="text-lg font-semibold">
            Message {member.name}
          </h2>
          <button
            type="button"
            onClick={() => dialogRef.current?.close()}
            className="-mr-2 -mt-2 inline-flex h-11 w-11 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            <span aria-hidden="true" className="text-xl leading-none">×</span>
            <span className="sr-only">Close</span>
          </button>
        </div>
        <div className="flex flex-col gap-1">
          <span aria-hidden="true" className="text-sm font-medium">
            Kind of message
          </span>
          <MessageTypeSelect id={`${ids}-type`} value={draft.type} onChange={(type) => onDraftChange({ ...draft, type })} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-content`} className="text-sm font-medium">
            Message
          </label>
          <textarea
            id={`${ids}-content`}
            ref={textRef}
            rows={5}
            value={draft.content}
            onChange={(e) => onDraftChange({ ...draft, content: e.target.value })}
            onKeyDown={onKeyDown}
            aria-invalid={error || tooLong ? true : undefined}
            aria-describedby={`${ids}-hint ${ids}-count${error ? ` ${ids}-error` : ""}`}
            placeholder={`Say hello to ${member.name}…`}
            className="min-h-32 resize-y rounded-lg border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-700 dark:bg-slate-950"
          />
          <p className="flex min-h-5 items-center justify-between gap-2 text-xs text-slate-600 dark:text-slate-400">
            <SendKeysHint id={`${ids}-hint`} />
            <MessageLengthCounter id={`${ids}-count`} text={draft.content} />
          </p>
        </div>
        {error ? (
          <p id={`${ids}-error`} role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
            {error}
          </p>
        ) : null}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button type="button" variant="secondary" onClick={() => dialogRef.current?.close()}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending || !isSendable(draft.content)}>
            {pending ? "Sending…" : "Send"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
