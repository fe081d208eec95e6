import { isMessageType, MESSAGE_TYPES } from "@/db/message-types";

export { isMessageType, MESSAGE_TYPE_VALUES, MESSAGE_TYPES, type MessageType } from "@/db/message-types";

/** "Coffee Chat request" for a request type; null for general messages, which need no chip. */
export function messageTypeChip(type: string | null | undefined): string | null {
  if (!type || type === "general" || !isMessageType(type)) return null;
  return `${MESSAGE_TYPES[type]} request`;
}

export const MAX_MESSAGE_LENGTH = 5000;
