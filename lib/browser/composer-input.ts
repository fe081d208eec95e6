import type { KeyboardEvent } from "react";
import { MAX_MESSAGE_LENGTH } from "@/lib/messaging/message-types";

/** Characters as the server counts them (code points of the trimmed text). */
export const messageLength = (text: string) => [...text.trim()].length;

export const isSendable = (text: string) => {
  const length = messageLength(text);
  return length > 0 && length <= MAX_MESSAGE_LENGTH;
};

/**
 * Enter sends, Shift+Enter starts a new line; while an input method is
 * composing (Japanese, Chinese…) Enter confirms the word, not the message.
 */
export const isSendKey = (event: KeyboardEvent<HTMLTextAreaElement>) =>
  event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing;
