"use client";

import { useRef, useState, type TouchEvent } from "react";

/** How far up (px) a finger must carry a toast for it to go. */
export const SWIPE_DISMISS_PX = 40;

/** Whether a finger that moved `dy` px (negative: up) meant to throw the toast away. */
export const isDismissSwipe = (dy: number) => dy <= -SWIPE_DISMISS_PX;

/**
 * Follows a finger that drags an element up, and calls `onSwipedUp` when it is
 * let go far enough up; otherwise the element springs back. Only upward: toasts sit at the top.
 */
export function useSwipeUp(onSwipedUp: () => void) {
  const start = useRef<number | null>(null);
  const [offset, setOffset] = useState(0);
  return {
    offset,
    handlers: {
      onTouchStart: (event: TouchEvent) => {
        start.current = event.touches[0]?.clientY ?? null;
      },
      onTouchMove: (event: TouchEvent) => {
        const y = event.touches[0]?.clientY;
        if (start.current !== null && y !== undefined) setOffset(Math.min(0, y - start.current));
      },
      onTouchEnd: () => {
        start.current = null;
        setOffset(0);
        if (isDismissSwipe(offset)) onSwipedUp();
      },
      onTouchCancel: () => {
        start.current = null;
        setOffset(0);
      },
    },
  };
}
