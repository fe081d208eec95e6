import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "../connection";
import { conversationSummaries, messages, users, type Message, type User } from "../schema";

export type ConversationRow = {
  partner: Pick<User, "id" | "username" | "name" | "headline">;
  lastMessage: Message;
  unreadCount: number;
};

const partner = alias(users, "partner");

/**
 * The user's inbox, newest first: one read of the summary index, at most `limit` rows.
 * `before` is the id of the last message of the previous page's last row.
 */
export async function getConversationsForUser(
  userId: number,
  page: { limit?: number; before?: number } = {},
): Promise<{ conversations: ConversationRow[]; hasMore: boolean }> {
  const db = await getDb();
  const limit = page.limit ?? 50;
  const cursor =
    page.before === undefined
      ? undefined
      : sql`(${conversationSummaries.lastMessageAt}, ${conversationSummaries.lastMessageId}) < (
          select c.timestamp, c.id from messages c
          where c.id = ${page.before} and (c.sender_id = ${userId} or c.receiver_id = ${userId}))`;
  const rows = await db
    .select({
      partner: { id: partner.id, username: partner.username, name: partner.name, headline: partner.headline },
      lastMessage: messages,
      unreadCount: conversationSummaries.unreadCount,
    })
    .from(conversationSummaries)
    .innerJoin(partner, eq(partner.id, conversationSummaries.partnerId))
    .innerJoin(messages, eq(messages.id, conversationSummaries.lastMessageId))
    .where(and(eq(conversationSummaries.ownerId, userId), cursor))
    // NULLS LAST as in conversation_summaries_inbox_idx: plain DESC would sort every summary of the member.
    .orderBy(
      sql`${conversationSummaries.lastMessageAt} desc nulls last`,
      sql`${conversationSummaries.lastMessageId} desc nulls last`,
    )
    .limit(limit + 1);
  return { conversations: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** The summary of one pair from the owner's side, if they have talked. */
export async function getConversationSummary(ownerId: number, partnerId: number) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(conversationSummaries)
    .where(and(eq(conversationSummaries.ownerId, ownerId), eq(conversationSummaries.partnerId, partnerId)));
  return row;
}
