"use client";

import { displayName } from "@/lib/members";
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import { messageKey } from "@/lib/browser/conversation-cache";
import { useDraft } from "@/lib/browser/drafts";
import { newIdempotencyKey } from "@/lib/browser/idempotency-key";
import { useConversation } from "@/lib/browser/use-conversation";
import { useMarkConversationRead } from "@/lib/browser/use-mark-conversation-read";
import { useMessageScroll } from "@/lib/browser/use-message-scroll";
import { useSendMessage } from "@/lib/browser/use-send-message";
import { useShownMessages } from "@/lib/browser/use-shown-messages";
import type { PresenceState } from "@/lib/browser/live/apply-event";
import { useTypingSignal } from "@/lib/browser/live/use-typing";
import { useUnseenMessages } from "@/lib/browser/use-unseen-messages";
import type { MessageType } from "@/lib/messaging/message-types";
import type { MessageJson, PartnerJson } from "@/lib/messaging/wire";
import { Composer } from "./composer";
import { ConversationHeader } from "./conversation-header";
import { ConversationStart, OlderMessages } from "./conversation-edges";
import { MessageList } from "./message-list";
import { NewMessagesButton } from "./new-messages-button";
import { useToast } from "./toaster";
import { UNREAD_DIVIDER_ID, unreadMarkOf } from "./unread-divider";

type ConversationViewProps = {
  me: number;
  partner: PartnerJson;
  initial: { messages: MessageJson[]; has_more: boolean };
  presence?: PresenceState;
};

/** The open conversation: header, live message list (opened at the first unread), and composer. */
export function ConversationView({ me, partner, initial, presence }: ConversationViewProps) {
  const toast = useToast();
  const { messages, hasOlder, loadOlder, loadingOlder, olderError } = useConversation({ me, partnerId: partner.id, initial });
  // What was unread on opening: the divider stays until the member leaves, though opening marks it all read.
  const [unread] = useState(() => unreadMarkOf(initial.messages, partner.id, messageKey));
  const [seenAtOpen] = useState(() => {
    if (!unread) return undefined;
    const first = initial.messages.findIndex((m) => messageKey(m) === unread.firstKey);
    return first > 0 ? messageKey(initial.messages[first - 1]!) : null;
  });
  useMarkConversationRead(partner.id, messages);
  const { shown, hiddenCount, showMore } = useShownMessages(messages, messageKey, unread?.firstKey);
  const moreAbove = hiddenCount > 0 || hasOlder;
  const { scroller, onScroll, atLatest, scrollToLatest } = useMessageScroll({
    hasOlder: moreAbove,
    loadOlder: hiddenCount > 0 ? showMore : loadOlder,
  });
  const unseen = useUnseenMessages(scroller, messages, partner.id, atLatest, seenAtOpen);
  const [draft, setDraft] = useDraft(me, partner.id);
  // The type stays as chosen: a run of Coffee Chat messages should not need choosing each time.
  const [messageType, setMessageType] = useState<MessageType>("general");
  const { send, retry } = useSendMessage(me, partner.id, {
    onError: (sentence) => toast(sentence, "error"),
  });
  // One function for the life of the view, so the memoised bubbles are not all redrawn on each render.
  const retryRef = useRef(retry);
  useLayoutEffect(() => {
    retryRef.current = retry;
  });
  const onRetry = useCallback((message: Parameters<typeof retry>[0]) => retryRef.current(message), []);
  const typing = useTypingSignal(partner.id);
  const latestIncoming = messages.findLast((m) => m.sender_id === partner.id);
  const name = displayName(partner);

  useLayoutEffect(() => {
    // Open at the first unread message when the unread ones do not all fit below it.
    const list = scroller.current;
    const divider = document.getElementById(UNREAD_DIVIDER_ID);
    if (!list || !divider) return;
    const above = divider.getBoundingClientRect().top - list.getBoundingClientRect().top;
    if (above < 0) list.scrollBy({ top: above - 12 });
  }, [scroller]);

  function sendDraft() {
    send({ idempotencyKey: newIdempotencyKey(), content: draft, messageType });
    typing.stopped();
    setDraft("");
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
            {moreAbove ? (
              <OlderMessages loading={loadingOlder} failed={olderError !== null} onLoad={hiddenCount > 0 ? showMore : loadOlder} />
            ) : (
              <ConversationStart partner={partner} empty={messages.length === 0} />
            )}
            <MessageList me={me} partner={partner} messages={shown} unread={unread} onRetry={onRetry} />
          </div>
        </div>
        {!atLatest ? <NewMessagesButton unseen={unseen} onClick={() => scrollToLatest()} /> : null}
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
