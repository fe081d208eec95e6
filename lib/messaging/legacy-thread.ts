import { getLegacyConversationParticipants } from "@/db/queries/legacy";

export type LegacyThreadDestination = { kind: "conversation"; partnerId: number } | { kind: "inbox" } | null;

/**
 * Where an old thread link takes a member: the conversation with the other
 * participant; the inbox for a group thread (groups have no live page);
 * null when the member was not in it.
 */
export async function legacyThreadDestination(conversationId: number, userId: number): Promise<LegacyThreadDestination> {
  const participants = await getLegacyConversationParticipants(conversationId, userId);
  if (!participants.includes(userId)) return null;
  const others = participants.filter((id) => id !== userId);
  return others.length === 1 ? { kind: "conversation", partnerId: others[0]! } : { kind: "inbox" };
}
