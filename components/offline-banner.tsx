"use client";

import { useOnline, useWaitingMessageCount } from "@/lib/browser/connection-status";

const waitingSentence = (count: number) =>
  count === 0 ? "" : ` ${count === 1 ? "1 message is" : `${count} messages are`} waiting and will go out when you're back.`;

/** While the server cannot be reached: says so, and how many of our messages wait to go out. */
export function OfflineBanner() {
  const online = useOnline();
  const waiting = useWaitingMessageCount();
  return (
    <div role="status" aria-live="polite" className="contents">
      {online ? null : (
        <p
          data-testid="offline-banner"
          className="shrink-0 bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-950 dark:bg-amber-900 dark:text-amber-50"
        >
          You&rsquo;re offline.{waitingSentence(waiting)}
        </p>
      )}
    </div>
  );
}
