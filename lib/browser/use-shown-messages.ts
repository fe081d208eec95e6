"use client";

import { useCallback, useMemo, useState } from "react";

/** Bubbles drawn when a conversation opens (a phone shows about ten); older ones are drawn as the member scrolls up. */
export const FIRST_SHOWN = 20;
const SHOWN_PER_STEP = 30;
/** Messages kept above the first unread one when it opens there, for context. */
const CONTEXT_ABOVE_UNREAD = 3;

/** Where the drawn part of a conversation starts: the newest FIRST_SHOWN, or a little above the first unread. */
export function firstShownIndex(count: number, firstUnreadIndex: number): number {
  const newest = Math.max(0, count - FIRST_SHOWN);
  return firstUnreadIndex < 0 ? newest : Math.max(0, Math.min(newest, firstUnreadIndex - CONTEXT_ABOVE_UNREAD));
}

/**
 * Draws only the newest part of a long history (the server page and the first
 * render alike, so hydration has less to do): the cached older messages are
 * drawn a step at a time as the member scrolls up, before older pages are asked for.
 */
export function useShownMessages<M>(messages: M[], keyOf: (message: M) => string, firstUnreadKey: string | undefined) {
  // null: everything is drawn, older pages loaded later included.
  const [firstKey, setFirstKey] = useState<string | null>(() => {
    const at = firstShownIndex(messages.length, messages.findIndex((m) => keyOf(m) === firstUnreadKey));
    return at > 0 ? keyOf(messages[at]!) : null;
  });
  const start = firstKey === null ? 0 : Math.max(0, messages.findIndex((m) => keyOf(m) === firstKey));
  const hiddenCount = start;
  const showMore = useCallback(() => {
    const next = start - SHOWN_PER_STEP;
    setFirstKey(next > 0 ? keyOf(messages[next]!) : null);
  }, [messages, start, keyOf]);
  // The same array while nothing changed, so a keystroke in the composer does not redraw the list.
  const shown = useMemo(() => (start === 0 ? messages : messages.slice(start)), [messages, start]);
  return { shown, hiddenCount, showMore };
}
