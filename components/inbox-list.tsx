"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import type { UIEvent } from "react";
import type { InboxPage } from "@/lib/browser/inbox-rows";
import { useClock } from "@/lib/browser/use-clock";
import { useInbox } from "@/lib/browser/use-inbox";
import { useMutedIds } from "@/lib/browser/use-mutes";
import { InboxRow } from "./inbox-row";
import { buttonClass } from "./ui/button";

type InboxListProps = { me: number; initial: InboxPage; onNewMessage: () => void };

/** The conversations, newest first, kept fresh; more load as the list is scrolled to its end. */
export function InboxList({ me, initial, onNewMessage }: InboxListProps) {
  const { conversations, hasMore, loadMore, loadingMore } = useInbox(initial);
  const clock = useClock();
  const muted = useMutedIds();
  const params = useParams<{ userId?: string }>();

  function onScroll(event: UIEvent<HTMLDivElement>) {
    const el = event.currentTarget;
    if (hasMore && !loadingMore && el.scrollHeight - el.scrollTop - el.clientHeight < 300) void loadMore();
  }

  if (conversations.length === 0) return <EmptyInbox onNewMessage={onNewMessage} />;
  return (
    <div className="min-h-0 flex-1 overflow-y-auto" onScroll={onScroll}>
      <ul aria-label="Conversations">
        {conversations.map((conversation) => (
          <InboxRow
            key={conversation.user.id}
            conversation={conversation}
            me={me}
            active={params.userId === String(conversation.user.id)}
            muted={muted.has(conversation.user.id)}
            clock={clock}
          />
        ))}
      </ul>
      {hasMore ? (
        <div className="flex justify-center p-3">
          <button type="button" className={buttonClass("secondary")} onClick={() => loadMore()} disabled={loadingMore}>
            {loadingMore ? "Loading…" : "Load more conversations"}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function EmptyInbox({ onNewMessage }: { onNewMessage: () => void }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 px-8 py-12 text-center">
      <span aria-hidden="true" className="mb-1 inline-flex h-16 w-16 items-center justify-center rounded-full bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300">
        <svg viewBox="0 0 24 24" className="h-8 w-8" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
          <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z" />
        </svg>
      </span>
      <h2 className="text-lg font-semibold">No conversations yet</h2>
      <p className="max-w-xs text-sm text-slate-600 dark:text-slate-400">
        Find someone in the community directory, or start a message to anyone by name.
      </p>
      <div className="mt-2 flex flex-wrap justify-center gap-2">
        <Link href="/community/" className={buttonClass("primary")}>
          Browse the community
        </Link>
        <button type="button" className={buttonClass("secondary")} onClick={onNewMessage}>
          New message
        </button>
      </div>
    </div>
  );
}
