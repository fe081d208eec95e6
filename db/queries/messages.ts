import { and, asc, eq, gt, inArray, or, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { executePrepared, getDb, type Executor } from "../connection";
import { messages, type Message } from "../schema";
import { rateLimitHit } from "./rate-limits";
import { rowsOf } from "./sql";
import { markReadWhere, moveSummariesToAdded, NO_UNREAD, notifyAddedMessage, unreadCountsOf } from "./summaries";

export type NewMessageInput = {
  senderId: number;
  receiverId: number;
  content: string;
  messageType: string | null;
  idempotencyKey?: string | null;
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

/** Advisory-lock namespace of "a message to or from this member is being written". */
const MEMBER_WRITE_LOCK = 7301;

export type MessageRow = {
  id: number | string;
  sender_id: number;
  receiver_id: number;
  content: string;
  timestamp: Date | string;
  is_read: boolean;
  read_at: Date | string | null;
  message_type: string | null;
  conversation_id: number | null;
  client_id: string | null;
};

const dateOf = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** A raw `messages` row (either driver) as the schema's Message. */
export const messageFromRow = (row: MessageRow): Message => ({
  id: Number(row.id),
  senderId: row.sender_id,
  receiverId: row.receiver_id,
  content: row.content,
  timestamp: dateOf(row.timestamp),
  isRead: row.is_read,
  readAt: row.read_at === null ? null : dateOf(row.read_at),
  messageType: row.message_type,
  conversationId: row.conversation_id,
  idempotencyKey: row.client_id,
});

/** The locked, checked insert of one message (a CTE body, over `from`): no row for a deleted receiver or a used key. */
function addedMessage(input: NewMessageInput, from: SQL, where: SQL): SQL {
  const [first, second] = [input.senderId, input.receiverId].sort((x, y) => x - y);
  return sql`
    insert into messages (sender_id, receiver_id, content, message_type, client_id, "timestamp")
    select ${input.senderId}::int, ${input.receiverId}::int, ${input.content}, ${input.messageType}, ${input.idempotencyKey ?? null}::uuid,
           clock_timestamp()
    from ${from}(select pg_advisory_xact_lock(${MEMBER_WRITE_LOCK}, ${first}::int),
                 pg_advisory_xact_lock(${MEMBER_WRITE_LOCK}, ${second}::int)) as locked
    -- A deleted account receives nothing (the caller tells why no row came back).
    where ${where} not exists (select 1 from users r where r.id = ${input.receiverId}::int and r.deleted_at is not null)
    on conflict (sender_id, client_id) where client_id is not null do nothing
    returning *`;
}

async function runInsert<T>(tx: Executor, input: NewMessageInput, statement: SQL): Promise<T[]> {
  try {
    return rowsOf<T>(await executePrepared(tx, statement));
  } catch (error) {
    if (violatedForeignKey(error)?.includes("receiver")) throw new MissingReceiverError(input.receiverId);
    throw error;
  }
}

/**
 * Stores a message in the caller's transaction, with both members' summaries
 * and the live notification, in one statement. Returns null when the sender
 * already used this idempotency key (see findByIdempotencyKey).
 *
 * Both members' write locks are taken before the id and the timestamp are
 * drawn (clock_timestamp, not the transaction's start) and held to commit:
 * for each member, messages commit in (timestamp, id) order, so a reader who
 * has seen a message never misses an earlier one committed later (polling
 * after= and the stream's resume rely on it).
 */
export async function insertMessage(tx: Executor, input: NewMessageInput): Promise<Message | null> {
  const [row] = await runInsert<MessageRow>(tx, input, sql`
    with added as (${addedMessage(input, sql``, sql``)}), ${moveSummariesToAdded}
    select added.*, ${notifyAddedMessage} as notified from added`);
  return row ? messageFromRow(row) : null;
}

export type CountedLimit = { key: string; windowSeconds: number; max: number };

/** The send limit was reached: nothing was stored or counted. */
export class SendLimitReached extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Send limit reached");
  }
}

/** No message was stored (the receiver deleted their account, or the client_id was used before); nothing counted. */
export class MessageNotStored extends Error {
  constructor() {
    super("No message stored");
  }
}

// Raised by community_refuse_send (migration 0007): the statement aborts, so nothing it wrote stays.
const SEND_REFUSED = "CMS01";

function refusalOf(error: unknown): Error | null {
  for (let e = error as { code?: string; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code !== SEND_REFUSED) continue;
    const limit = /^limit (\d+)$/.exec(e.message ?? "");
    return limit ? new SendLimitReached(Math.max(1, Number(limit[1]))) : new MessageNotStored();
  }
  return null;
}

/**
 * A whole send as one statement, which is its own transaction (autocommit: one round trip, and the locks are
 * held only while PostgreSQL works): the hit on the limit (its row locked, so every process counts in turn),
 * both members' write locks, the insert, both summaries and the NOTIFY. A refused send raises inside the
 * statement, so none of it stays: SendLimitReached when the count passes `max`, MessageNotStored when no row
 * was inserted (a deleted receiver or a used client_id; the caller asks which), MissingReceiverError.
 */
export async function insertMessageWithinLimit(db: Executor, input: NewMessageInput, limit: CountedLimit): Promise<Message> {
  try {
    const [row] = await runInsert<MessageRow>(db, input, sql`
      with hit as (${rateLimitHit(limit.key, limit.windowSeconds)}),
      added as (${addedMessage(input, sql`hit, `, sql`hit.count <= ${limit.max}::int and`)}), ${moveSummariesToAdded}
      select stored.*,
        case when hit.count > ${limit.max}::int then community_refuse_send('limit ' || hit.retry_after)
             when stored.id is null then community_refuse_send('not stored') end as refused
      from hit left join (select added.*, ${notifyAddedMessage} as notified from added) stored on true`);
    return messageFromRow(row!);
  } catch (error) {
    throw refusalOf(error) ?? error;
  }
}

/** The message a sender stored under an idempotency key, if any. */
export async function findByIdempotencyKey(db: Executor, senderId: number, key: string): Promise<Message | undefined> {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.senderId, senderId), eq(messages.idempotencyKey, key)));
  return row;
}

export type MessagePage = { before?: number; after?: number; limit: number };


/** The (timestamp, id) of a message of this pair, as a row value; no row when it is not theirs. */
const cursorOf = (id: number, a: number, b: number) => sql`(
  select c.timestamp, c.id from messages c
  where c.id = ${id}::bigint
    and ((c.sender_id = ${a}::int and c.receiver_id = ${b}::int) or (c.sender_id = ${b}::int and c.receiver_id = ${a}::int)))`;

// Spelled to match messages_pair_timestamp_idx (DESC NULLS LAST): plain DESC/ASC make PostgreSQL sort the whole pair.
const NEWEST_FIRST = sql.raw(`"timestamp" desc nulls last, id desc nulls last`);
const OLDEST_FIRST = sql.raw(`"timestamp" asc nulls first, id asc nulls first`);

/**
 * Messages between two members, oldest first: the newest `limit` by default,
 * older than `before`, or newer than `after`. One index scan per direction.
 * Prepared (three fixed texts, one per kind of page): polling runs it every few seconds per open conversation.
 */
export async function getMessagesBetweenUsers(
  a: number,
  b: number,
  page: MessagePage,
): Promise<{ messages: Message[]; hasMore: boolean }> {
  const forward = page.after !== undefined;
  const cursor = page.after ?? page.before;
  const position =
    cursor === undefined ? sql`` : sql`and ("timestamp", id) ${sql.raw(forward ? ">" : "<")} ${cursorOf(cursor, a, b)}`;
  const order = forward ? OLDEST_FIRST : NEWEST_FIRST;
  const direction = (from: number, to: number) => sql`(
    select * from messages where sender_id = ${from}::int and receiver_id = ${to}::int ${position}
    order by ${order} limit ${page.limit + 1}::int)`;
  const rows = rowsOf<MessageRow>(await executePrepared(await getDb(), sql`
    select * from (${direction(a, b)} union all ${direction(b, a)}) pair
    order by ${order} limit ${page.limit + 1}::int`));
  const hasMore = rows.length > page.limit;
  const pageRows = rows.slice(0, page.limit).map(messageFromRow);
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
  return (await markReadWhere(await getDb(), userId, sql`m.id = ${messageId}`)) > 0;
}

/** Marks every unread message from `partnerId` to `userId` read, in one statement. Returns how many. */
export async function markConversationRead(userId: number, partnerId: number): Promise<number> {
  return markReadWhere(await getDb(), userId, sql`m.sender_id = ${partnerId}`);
}

/** Total unread messages received by the user (from the summaries, as the inbox rows count them), muted ones included. */
export async function countUnread(userId: number): Promise<number> {
  return ((await unreadCountsOf(await getDb(), [userId])).get(userId) ?? NO_UNREAD).unread_count;
}

/** Messages by id, for the live hub (they were announced to the members concerned). */
export async function findMessagesByIds(ids: number[]): Promise<Message[]> {
  if (ids.length === 0) return [];
  const db = await getDb();
  return db.select().from(messages).where(inArray(messages.id, ids));
}

/**
 * Messages the member sent or received after message `afterId`, oldest first,
 * at most `limit` (the live stream's catch-up). Ids of one member's messages
 * commit in order (see insertMessage), so nothing below the cursor can appear later.
 */
export async function messagesForMemberAfter(memberId: number, afterId: number, limit: number): Promise<Message[]> {
  const db = await getDb();
  const side = (member: SQL) =>
    db.select().from(messages).where(and(member, gt(messages.id, afterId))).orderBy(asc(messages.id)).limit(limit);
  return unionAll(side(eq(messages.senderId, memberId)), side(eq(messages.receiverId, memberId)))
    .orderBy(asc(messages.id))
    .limit(limit);
}
