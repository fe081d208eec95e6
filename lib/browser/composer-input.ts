import { MAX_MESSAGE_LENGTH } from "@/lib/messaging/message-types";

/** Characters as the server counts them (code points of the trimmed text). */
export const messageLength = (text: string) => [...text.trim()].length;

export const isSendable = (text: string) => {
  const length = messageLength(text);
  return length > 0 && length <= MAX_MESSAGE_LENGTH;
};

/** A finger is the primary pointer (a phone, a tablet): its on-screen keyboard has no Shift to hold. */
export const hasCoarsePointer = () => typeof matchMedia === "function" && matchMedia("(pointer: coarse)").matches;

type SendKeyEvent = { key: string; shiftKey: boolean; nativeEvent: { isComposing: boolean } };

/**
 * With a keyboard, Enter sends and Shift+Enter starts a new line; on a phone
 * Enter starts a new line and the Send button sends (as WhatsApp does). While
 * an input method is composing (Japanese, Chinese…) Enter confirms the word, not the message.
 */
export const isSendKey = (event: SendKeyEvent, coarsePointer = hasCoarsePointer()) =>
  event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing && !coarsePointer;
