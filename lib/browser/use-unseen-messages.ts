"use client";

import { useEffect, useState, type RefObject } from "react";
import { messageKey, type ChatMessage } from "./conversation-cache";
import { isAtLatest } from "./use-message-scroll";

/**
 * How many of the partner's messages sit below what the member has seen.
 * Everything counts as seen whenever the list is scrolled to the newest
 * message; `seenAtOpen` is the last message above the unread divider when the
 * conversation opened there (null: nothing seen yet, undefined: opened at the newest).
 */
export function useUnseenMessages(
  scroller: RefObject<HTMLElement | null>,
  messages: ChatMessage[],
  partnerId: number,
  atLatest: boolean,
  seenAtOpen: string | null | undefined,
) {
  const newestKey = messages.length > 0 ? messageKey(messages.at(-1)!) : null;
  const [seenKey, setSeenKey] = useState<string | null>(seenAtOpen === undefined ? newestKey : seenAtOpen);

  useEffect(() => {
    // The DOM a frame later, not the last scroll event: the view may have just been moved to the unread divider.
    const frame = requestAnimationFrame(() => {
      if (scroller.current && isAtLatest(scroller.current)) setSeenKey(newestKey);
    });
    return () => cancelAnimationFrame(frame);
  }, [scroller, atLatest, newestKey]);

  const seenAt = seenKey === null ? -1 : messages.findIndex((m) => messageKey(m) === seenKey);
  if (seenKey !== null && seenAt === -1) return 0;
  return messages.slice(seenAt + 1).filter((m) => m.sender_id === partnerId).length;
}
