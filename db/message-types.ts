/** The kinds of message a member can send, with the label people see (the schema's CHECK lists the same keys). */
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
  return typeof value === "string" && Object.hasOwn(MESSAGE_TYPES, value);
}
