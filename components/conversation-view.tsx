"use client";

import { displayName } from "@/lib/members";
import { useState } from "react";
import { newIdempotencyKey } from "@/lib/browser/idempotency-key";
import { useConversation } from "@/lib/browser/use-conversation";
import { useMarkConversationRead } from "@/lib/browser/use-mark-conversation-read";
import { useMessageScroll } from "@/lib/browser/use-message-scroll";
import { useSendMessage } from "@/lib/browser/use-send-message";
import type { PresenceState } from "@/lib/browser/live/apply-event";
import { useTypingSignal } from "@/lib/browser/live/use-typing";
import type { MessageType } from "@/lib/messaging/message-types";
import type { MessageJson, PartnerJson } from "@/lib/messaging/wire";
import { Composer } from "./composer";
import { ConversationHeader } from "./conversation-header";
import { ConversationStart, OlderMessages } from "./conversation-edges";
import { MessageList } from "./message-list";
import { useToast } from "./toaster";

type ConversationViewProps = {
  me: number;
  partner: PartnerJson;
  initial: { messages: MessageJson[]; has_more: boolean };
  presence?: PresenceState;
};

/** The open conversation: header, live message list, and composer. */
export function ConversationView({ me, partner, initial, presence }: ConversationViewProps) {
  const toast = useToast();
  const { messages, hasOlder, loadOlder, loadingOlder, olderError } = useConversation({ me, partnerId: partner.id, initial });
  useMarkConversationRead(partner.id, messages);
  const { scroller, onScroll, atLatest, scrollToLatest } = useMessageScroll({ hasOlder, loadOlder });
  const [draft, setDraft] = useState("");
  const [messageType, setMessageType] = useState<MessageType>("general");
  const { send, retry } = useSendMessage(me, partner.id, {
    onRefused: (refused) => setDraft((current) => current || refused.content),
    onError: (sentence) => toast(sentence, "error"),
  });
  const typing = useTypingSignal(partner.id);
  const latestIncoming = messages.findLast((m) => m.sender_id === partner.id);
  const name = displayName(partner);

  function sendDraft() {
    send({ idempotencyKey: newIdempotencyKey(), content: draft, messageType });
    typing.stopped();
    setDraft("");
    setMessageType("general");
    scrollToLatest("auto");
  }

  return (
    <section aria-labelledby="conversation-title" className="flex min-h-0 flex-1 flex-col">
      <ConversationHeader partner={partner} presence={presence} />
      <div className="relative flex min-h-0 flex-1 flex-col">
        <div
          ref={scroller}
          onScroll={onScroll}
          tabIndex={0}
          role="region"
          aria-label={`Messages with ${name}`}
          className="flex min-h-0 flex-1 flex-col-reverse overflow-y-auto overscroll-contain bg-slate-100 px-3 pb-3 sm:px-6 dark:bg-slate-950"
        >
          <div className="mx-auto flex w-full max-w-3xl flex-col">
            {hasOlder ? (
              <OlderMessages loading={loadingOlder} failed={olderError !== null} onLoad={loadOlder} />
            ) : (
              <ConversationStart partner={partner} empty={messages.length === 0} />
            )}
            <MessageList me={me} partner={partner} messages={messages} onRetry={retry} />
          </div>
        </div>
        {!atLatest ? (
          <button
            type="button"
            onClick={() => scrollToLatest()}
            className="absolute right-4 bottom-4 inline-flex h-11 w-11 items-center justify-center rounded-full bg-white text-slate-700 shadow-lg ring-1 ring-slate-200 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700"
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
              <path d="M6 9l6 6 6-6" />
            </svg>
            <span className="sr-only">Jump to the latest message</span>
          </button>
        ) : null}
      </div>
      <div className="contents" onBlur={typing.stopped}>
      <Composer
        partnerName={name}
        draft={draft}
        onDraftChange={(text) => {
          setDraft(text);
          typing.typed(text);
        }}
        messageType={messageType}
        onMessageTypeChange={setMessageType}
        onSend={sendDraft}
      />
      </div>
      <p aria-live="polite" className="sr-only">
        {latestIncoming ? `${name} wrote: ${latestIncoming.content}` : ""}
      </p>
    </section>
  );
}
