import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Executor } from "../connection";
import { conversationSummaries, messages, users, type Message, type User } from "../schema";
import { rowsOf } from "./sql";

const newer = (column: string) => sql.raw(
  `case when (excluded.last_message_at, excluded.last_message_id) > ` +
    `(conversation_summaries.last_message_at, conversation_summaries.last_message_id) ` +
    `then excluded.${column} else conversation_summaries.${column} end`,
);

/** Moves both members' summaries to a new message; the receiver gains one unread. */
export async function recordSend(tx: Executor, message: Message): Promise<void> {
  const rows = [
    { ownerId: message.senderId, partnerId: message.receiverId, unreadCount: 0 },
    { ownerId: message.receiverId, partnerId: message.senderId, unreadCount: message.isRead ? 0 : 1 },
  ]
    // Always lock the two rows in the same order, so crossing sends cannot deadlock.
    .sort((x, y) => x.ownerId - y.ownerId)
    .map((row) => ({ ...row, lastMessageId: message.id, lastMessageAt: message.timestamp }));
  await tx
    .insert(conversationSummaries)
    .values(rows)
    .onConflictDoUpdate({
      target: [conversationSummaries.ownerId, conversationSummaries.partnerId],
      set: {
        lastMessageId: newer("last_message_id"),
        lastMessageAt: newer("last_message_at"),
        unreadCount: sql`${conversationSummaries.unreadCount} + excluded.unread_count`,
      },
    });
}

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

export type ComputedSummary = {
  owner_id: number;
  partner_id: number;
  last_message_id: number;
  unread_count: number;
};

const fromScratch = sql`
  with sides as (
    select sender_id as owner_id, receiver_id as partner_id, id, "timestamp", 0 as unread from messages
    union all
    select receiver_id, sender_id, id, "timestamp", case when is_read then 0 else 1 end from messages
  )
  select owner_id, partner_id,
         (array_agg(id order by "timestamp" desc, id desc))[1]::bigint as last_message_id,
         max("timestamp") as last_message_at,
         sum(unread)::int as unread_count
  from sides group by owner_id, partner_id`;

/** Every pair's summary computed from the messages table alone (the slow, obviously right way). */
export async function computeSummariesFromMessages(db: Executor): Promise<ComputedSummary[]> {
  const rows = rowsOf<ComputedSummary>(await db.execute(fromScratch));
  return rows.map((r) => ({ ...r, last_message_id: Number(r.last_message_id) }));
}

/** Rewrites every summary from the messages table (after imports or bulk loads). */
export async function rebuildConversationSummaries(db: Executor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from conversation_summaries`);
    await tx.execute(sql`
      insert into conversation_summaries (owner_id, partner_id, last_message_id, last_message_at, unread_count)
      select owner_id, partner_id, last_message_id, last_message_at, unread_count from (${fromScratch}) s`);
  });
}
