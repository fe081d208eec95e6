import { isMessageType } from "../message-types";
import type { LegacyMessage, LegacyParticipant } from "./source";

/** Why an old message could not become a message between two members; stored with it in quarantine. */
export const QUARANTINE_REASONS = {
  self_message: "The sender is also the recipient.",
  unknown_member: "The sender or the recipient is not a member of the old app.",
  no_conversation: "No recipient and no conversation to find one in.",
  group_conversation: "No recipient, and the conversation has three or more participants.",
  sender_not_participant: "No recipient, and the sender is not a participant of the conversation.",
  no_partner: "No recipient, and the conversation has no other participant.",
} as const;

export type QuarantineReason = keyof typeof QUARANTINE_REASONS;

export type Resolution = { receiverId: number } | { quarantine: QuarantineReason };

/** Each old conversation's distinct participants. */
export function participantsByConversation(rows: LegacyParticipant[]): Map<number, number[]> {
  const sets = new Map<number, Set<number>>();
  for (const p of rows) {
    if (!sets.has(p.conversation_id)) sets.set(p.conversation_id, new Set());
    sets.get(p.conversation_id)!.add(p.user_id);
  }
  return new Map([...sets].map(([id, members]) => [id, [...members]]));
}

/** The receiver of an old message: its recipient, else the one other participant of its conversation. */
export function resolveReceiver(
  message: Pick<LegacyMessage, "sender_id" | "recipient_id" | "conversation_id">,
  participants: Map<number, number[]>,
  memberIds: Set<number>,
): Resolution {
  const { sender_id: sender, recipient_id: recipient, conversation_id: conversation } = message;
  if (!memberIds.has(sender) || (recipient !== null && !memberIds.has(recipient))) {
    return { quarantine: "unknown_member" };
  }
  if (recipient !== null) return recipient === sender ? { quarantine: "self_message" } : { receiverId: recipient };
  if (conversation === null) return { quarantine: "no_conversation" };
  const members = participants.get(conversation) ?? [];
  if (!members.includes(sender)) return { quarantine: "sender_not_participant" };
  const others = members.filter((id) => id !== sender);
  if (others.length > 1) return { quarantine: "group_conversation" };
  if (others.length === 0) return { quarantine: "no_partner" };
  return { receiverId: others[0]! };
}

/** The app's type for an old message type: known ones kept, empty ones null, anything else `general`. */
export function mapMessageType(raw: string | null): { type: string | null; unknown: boolean } {
  const value = raw?.trim().toLowerCase() ?? "";
  if (!value) return { type: null, unknown: false };
  return isMessageType(value) ? { type: value, unknown: false } : { type: "general", unknown: true };
}
