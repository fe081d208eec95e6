import { and, eq, exists } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "../connection";
import { legacyConversationParticipants } from "../schema";

const me = alias(legacyConversationParticipants, "me");

/**
 * The participants of an old conversation, only when `userId` was one of them
 * (an empty list otherwise, whether or not the conversation exists).
 */
export async function getLegacyConversationParticipants(conversationId: number, userId: number): Promise<number[]> {
  const db = await getDb();
  const participant = legacyConversationParticipants;
  const rows = await db
    .selectDistinct({ userId: participant.userId })
    .from(participant)
    .where(
      and(
        eq(participant.conversationId, conversationId),
        exists(
          db
            .select({ one: me.id })
            .from(me)
            .where(and(eq(me.conversationId, conversationId), eq(me.userId, userId))),
        ),
      ),
    );
  return rows.map((r) => r.userId);
}
