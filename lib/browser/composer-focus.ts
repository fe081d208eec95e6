"use client";

let requested = false;

/** Asks the next conversation composer to take the focus (after sending from a member's card). */
export const requestComposerFocus = () => {
  requested = true;
};

/** True once after a request: the composer that mounts next takes the focus. */
export function takeComposerFocusRequest(): boolean {
  const was = requested;
  requested = false;
  return was;
}
