"use client";

import { useCallback, useRef, useState, type UIEvent } from "react";

const LOAD_OLDER_WITHIN_PX = 400;
const AT_LATEST_WITHIN_PX = 80;

/** Whether a bottom-anchored list shows its newest message. */
export const isAtLatest = (el: HTMLElement) => Math.abs(el.scrollTop) < AT_LATEST_WITHIN_PX;

/**
 * Scrolling for a message list laid out with flex-direction: column-reverse:
 * the browser opens it at the newest message and keeps the view still when
 * older pages are added above (scrollTop is 0 at the bottom and negative above).
 */
export function useMessageScroll({ hasOlder, loadOlder }: { hasOlder: boolean; loadOlder: () => void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [atLatest, setAtLatest] = useState(true);

  const onScroll = useCallback(
    (event: UIEvent<HTMLDivElement>) => {
      const el = event.currentTarget;
      const fromBottom = Math.abs(el.scrollTop);
      const fromTop = el.scrollHeight - el.clientHeight - fromBottom;
      setAtLatest(isAtLatest(el));
      if (hasOlder && fromTop < LOAD_OLDER_WITHIN_PX) loadOlder();
    },
    [hasOlder, loadOlder],
  );

  const scrollToLatest = useCallback((behavior: ScrollBehavior = "smooth") => {
    scroller.current?.scrollTo({ top: 0, behavior });
  }, []);

  return { scroller, onScroll, atLatest, scrollToLatest };
}
