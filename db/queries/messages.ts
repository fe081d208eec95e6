import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { getDb, type Executor } from "../connection";
import { conversationSummaries, messages, type Message } from "../schema";
import { rowsOf } from "./sql";
import { recordSend } from "./conversations";

export type NewMessageInput = {
  senderId: number;
  receiverId: number;
  content: string;
  messageType: string | null;
  idempotencyKey?: string | null;
  conversationId?: number | null;
};

/** The receiver of a message is not a member (caught from the foreign key, not looked up first). */
export class MissingReceiverError extends Error {
  constructor(readonly receiverId: number) {
    super(`No member ${receiverId}`);
  }
}

function violatedForeignKey(error: unknown): string | null {
  for (let e = error as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23503") return e.constraint_name ?? e.constraint ?? "";
  }
  return null;
}

/**
 * Stores a message and updates both members' conversation summaries in one
 * transaction (`guard` runs first in it: a limit check, say). A repeat with the
 * same idempotencyKey returns the first message.
 */
export async function insertMessage(
  input: NewMessageInput,
  options: { guard?: (tx: Executor) => Promise<void> } = {},
): Promise<{ message: Message; created: boolean }> {
  const db = await getDb();
  try {
    return await db.transaction((tx) => storeMessage(tx, input, options.guard));
  } catch (error) {
    if (violatedForeignKey(error)?.includes("receiver")) throw new MissingReceiverError(input.receiverId);
    throw error;
  }
}

async function storeMessage(tx: Executor, input: NewMessageInput, guard?: (tx: Executor) => Promise<void>) {
  await guard?.(tx);
  const [inserted] = await tx
    .insert(messages)
    .values({
      senderId: input.senderId,
      receiverId: input.receiverId,
      content: input.content,
      messageType: input.messageType,
      idempotencyKey: input.idempotencyKey ?? null,
      conversationId: input.conversationId ?? null,
    })
    .onConflictDoNothing({
      target: [messages.senderId, messages.idempotencyKey],
      where: sql`${messages.idempotencyKey} is not null`,
    })
    .returning();
  if (inserted) {
    await recordSend(tx, inserted);
    return { message: inserted, created: true };
  }
  const [existing] = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.senderId, input.senderId), eq(messages.idempotencyKey, input.idempotencyKey!)));
  if (!existing) throw new Error("Conflicting client_id without a stored message");
  return { message: existing, created: false };
}

export type MessagePage = { before?: number; after?: number; limit: number };


/** The (timestamp, id) of a message of this pair, as a row value; no row when it is not theirs. */
const cursorOf = (id: number, a: number, b: number) => sql`(
  select c.timestamp, c.id from messages c
  where c.id = ${id}
    and ((c.sender_id = ${a} and c.receiver_id = ${b}) or (c.sender_id = ${b} and c.receiver_id = ${a})))`;

/**
 * Messages between two members, oldest first: the newest `limit` by default,
 * older than `before`, or newer than `after`. One index scan per direction.
 */
export async function getMessagesBetweenUsers(
  a: number,
  b: number,
  page: MessagePage,
): Promise<{ messages: Message[]; hasMore: boolean }> {
  const db = await getDb();
  const forward = page.after !== undefined;
  const position = (): SQL | undefined => {
    const row = sql`(${messages.timestamp}, ${messages.id})`;
    if (page.after !== undefined) return sql`${row} > ${cursorOf(page.after, a, b)}`;
    if (page.before !== undefined) return sql`${row} < ${cursorOf(page.before, a, b)}`;
    return undefined;
  };
  // Spelled to match messages_pair_timestamp_idx (DESC NULLS LAST): plain DESC/ASC make PostgreSQL sort the whole pair.
  const order = forward
    ? [sql`${messages.timestamp} asc nulls first`, sql`${messages.id} asc nulls first`]
    : [sql`${messages.timestamp} desc nulls last`, sql`${messages.id} desc nulls last`];
  const direction = (from: number, to: number) =>
    db
      .select()
      .from(messages)
      .where(and(eq(messages.senderId, from), eq(messages.receiverId, to), position()))
      .orderBy(...order)
      .limit(page.limit + 1);
  const rows = await unionAll(direction(a, b), direction(b, a))
    .orderBy(...order)
    .limit(page.limit + 1);
  const hasMore = rows.length > page.limit;
  const pageRows = rows.slice(0, page.limit);
  return { messages: forward ? pageRows : pageRows.reverse(), hasMore };
}

/** A message the user sent or received; undefined otherwise, whether or not it exists. */
export async function findMessageForUser(messageId: number, userId: number): Promise<Message | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.id, messageId), or(eq(messages.senderId, userId), eq(messages.receiverId, userId))));
  return row;
}

/** Marks one received message read (sets read_at) and keeps the summary in step. True if it changed. */
export async function markAsRead(messageId: number, userId: number): Promise<boolean> {
  const db = await getDb();
  const result = await db.execute(sql`
    with marked as (
      update messages set is_read = true, read_at = now()
      where id = ${messageId} and receiver_id = ${userId} and not is_read
      returning sender_id, receiver_id
    ), summary as (
      update conversation_summaries s set unread_count = s.unread_count - 1
      from marked where s.owner_id = marked.receiver_id and s.partner_id = marked.sender_id
    )
    select count(*)::int as marked from marked`);
  return (rowsOf<{ marked: number }>(result)[0]?.marked ?? 0) > 0;
}

/** Marks every unread message from `partnerId` to `userId` read, in one statement. Returns how many. */
export async function markConversationRead(userId: number, partnerId: number): Promise<number> {
  const db = await getDb();
  const result = await db.execute(sql`
    with marked as (
      update messages set is_read = true, read_at = now()
      where receiver_id = ${userId} and is_read = false and sender_id = ${partnerId}
      returning id
    ), summary as (
      update ${conversationSummaries} set unread_count = unread_count - (select count(*) from marked)
      where owner_id = ${userId} and partner_id = ${partnerId} and exists (select 1 from marked)
    )
    select count(*)::int as marked from marked`);
  return rowsOf<{ marked: number }>(result)[0]?.marked ?? 0;
}

/** Total unread messages received by the user. */
export async function countUnread(userId: number): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(messages)
    .where(and(eq(messages.receiverId, userId), eq(messages.isRead, false)));
  return row?.count ?? 0;
}

