/** The kinds of message a member can send, with the label people see. */
export const MESSAGE_TYPES = {
  general: "General",
  coffee_chat: "Coffee Chat",
  mentorship: "Mentorship",
  networking: "Networking",
  collaboration: "Collaboration",
} as const;

export type MessageType = keyof typeof MESSAGE_TYPES;

export const MESSAGE_TYPE_VALUES = Object.keys(MESSAGE_TYPES) as [MessageType, ...MessageType[]];

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === "string" && value in MESSAGE_TYPES;
}

/** "Coffee Chat request" for a request type; null for general messages, which need no chip. */
export function messageTypeChip(type: string | null | undefined): string | null {
  if (!type || type === "general" || !isMessageType(type)) return null;
  return `${MESSAGE_TYPES[type]} request`;
}

export const MAX_MESSAGE_LENGTH = 5000;
