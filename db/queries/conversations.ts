import { and, eq, sql } from "drizzle-orm";
import { executePrepared, getDb } from "../connection";
import { conversationSummaries, type Message, type User } from "../schema";
import { messageFromRow, type MessageRow } from "./messages";
import { rowsOf } from "./sql";

export type ConversationRow = {
  partner: Pick<User, "id" | "username" | "name" | "headline">;
  lastMessage: Message;
  unreadCount: number;
};

type InboxRow = MessageRow & {
  partner_id: number;
  partner_username: string;
  partner_name: string;
  partner_headline: string;
  unread_count: number;
};

/**
 * The user's inbox, newest first: one read of the summary index, at most `limit` rows.
 * `before` is the id of the last message of the previous page's last row.
 * Prepared (two fixed texts): planning it took longer than running it.
 */
export async function getConversationsForUser(
  userId: number,
  page: { limit?: number; before?: number } = {},
): Promise<{ conversations: ConversationRow[]; hasMore: boolean }> {
  const db = await getDb();
  const limit = page.limit ?? 50;
  // The cursor counts only when it is one of the user's own messages.
  const cursor =
    page.before === undefined
      ? sql``
      : sql`and (s.last_message_at, s.last_message_id) < (
          select c.timestamp, c.id from messages c
          where c.id = ${page.before}::bigint and (c.sender_id = ${userId}::int or c.receiver_id = ${userId}::int))`;
  // NULLS LAST as in conversation_summaries_inbox_idx: plain DESC would sort every summary of the member.
  const rows = rowsOf<InboxRow>(await executePrepared(db, sql`
    select p.id as partner_id, p.username as partner_username, p.name as partner_name, p.headline as partner_headline,
           s.unread_count, m.id, m.sender_id, m.receiver_id, m.content, m."timestamp", m.is_read, m.read_at,
           m.message_type, m.conversation_id, m.client_id
    from conversation_summaries s
    join users p on p.id = s.partner_id
    join messages m on m.id = s.last_message_id
    where s.owner_id = ${userId}::int ${cursor}
    order by s.last_message_at desc nulls last, s.last_message_id desc nulls last
    limit ${limit + 1}::int`));
  const conversations = rows.slice(0, limit).map((row) => ({
    partner: { id: row.partner_id, username: row.partner_username, name: row.partner_name, headline: row.partner_headline },
    lastMessage: messageFromRow(row),
    unreadCount: row.unread_count,
  }));
  return { conversations, hasMore: rows.length > limit };
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
