import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../connection";
import { notifyJson } from "../events";
import { rowsOf } from "./sql";

/*
 * The one home of the conversation-summary invariant: one row per member and
 * partner holding the newest message of the pair and how many of the partner's
 * messages the member has not read. Every writer of messages or read state
 * builds its statement from these pieces, so the summaries change in the same
 * statement as the rows they describe, and the live notification goes out at
 * the same commit.
 */

/**
 * CTEs to append after a CTE named `added` (columns id, sender_id, receiver_id,
 * "timestamp", is_read): both members' summaries move to the newest added
 * message, the receiver gains one unread per unread message. Rows are upserted
 * in (owner, partner) order, so crossing writers cannot deadlock.
 */
export const moveSummariesToAdded = sql.raw(`
  sides as (
    select sender_id as owner_id, receiver_id as partner_id, id, "timestamp", 0 as unread from added
    union all
    select receiver_id, sender_id, id, "timestamp", case when is_read then 0 else 1 end from added
  ), summaries as (
    insert into conversation_summaries as s (owner_id, partner_id, last_message_id, last_message_at, unread_count)
    select owner_id, partner_id, (array_agg(id order by "timestamp" desc, id desc))[1], max("timestamp"), sum(unread)::int
    from sides group by owner_id, partner_id
    order by owner_id, partner_id
    on conflict (owner_id, partner_id) do update set
      last_message_id = case when (excluded.last_message_at, excluded.last_message_id) > (s.last_message_at, s.last_message_id)
                        then excluded.last_message_id else s.last_message_id end,
      last_message_at = greatest(excluded.last_message_at, s.last_message_at),
      unread_count = s.unread_count + excluded.unread_count
  )`);

/** The notification of a new message (in a select over `added`). */
export const notifyAddedMessage = notifyJson(
  sql.raw(`json_build_object('k', 'message', 'id', added.id, 'sender', added.sender_id, 'receiver', added.receiver_id)`),
);

/**
 * Marks the receiver's unread messages matching `which` (a condition on
 * messages `m`) read, lowers the receiver's summaries by exactly the rows that
 * changed, and tells each sender how far they were read. Returns how many changed.
 */
export async function markReadWhere(db: Executor, receiverId: number, which: SQL): Promise<number> {
  const result = await db.execute(sql`
    with marked as (
      update messages m set is_read = true, read_at = now()
      where m.receiver_id = ${receiverId} and not m.is_read and ${which}
      returning m.id, m.sender_id, m.read_at
    ), per_partner as (
      select sender_id, count(*)::int as marked, max(id) as up_to, max(read_at) as read_at from marked group by sender_id
    ), summaries as (
      update conversation_summaries s set unread_count = s.unread_count - p.marked
      from per_partner p where s.owner_id = ${receiverId} and s.partner_id = p.sender_id
    ), notified as (
      select ${notifyJson(sql`json_build_object('k', 'read', 'reader', ${receiverId}::int, 'partner', p.sender_id,
        'upTo', p.up_to, 'at', to_json(p.read_at))`)} from per_partner p
    )
    select (select coalesce(sum(marked), 0)::int from per_partner) as marked, (select count(*)::int from notified) as notified`);
  return rowsOf<{ marked: number }>(result)[0]?.marked ?? 0;
}

/**
 * The highest id of a message the member sent or received (null: none yet). A page passes it to its events
 * stream as the resume point, so what arrives while the page loads is caught up. The highest id, not the
 * newest by time: imported history has old times under new ids, and a cursor below them would bring them
 * back as "new" messages (a toast for a message of last year).
 */
export async function newestMessageIdOf(db: Executor, memberId: number): Promise<number | null> {
  const result = await db.execute(sql`
    select greatest(
      (select max(id) from messages where sender_id = ${memberId}::int),
      (select max(id) from messages where receiver_id = ${memberId}::int)
    ) as newest`);
  const id = rowsOf<{ newest: number | string | null }>(result)[0]?.newest;
  return id === undefined || id === null ? null : Number(id);
}

/** A member's unread total, and how much of it is in conversations they muted (the tab title leaves that out). */
export type UnreadCounts = { unread_count: number; muted_unread_count: number };

/**
 * Several members' unread counts at once, from their summaries (the same numbers the inbox rows show);
 * members with no conversation are left out: theirs are 0. The one query for the unread total.
 */
export async function unreadCountsOf(db: Executor, memberIds: number[]): Promise<Map<number, UnreadCounts>> {
  if (memberIds.length === 0) return new Map();
  const result = await db.execute(sql`
    select s.owner_id, coalesce(sum(s.unread_count), 0)::int as unread,
      coalesce(sum(s.unread_count) filter (where m.owner_id is not null), 0)::int as muted
    from conversation_summaries s
    left join conversation_mutes m on m.owner_id = s.owner_id and m.partner_id = s.partner_id
    where s.owner_id = any(${sql.raw(`'{${memberIds.map(Number).join(",")}}'::int[]`)}) group by s.owner_id`);
  return new Map(
    rowsOf<{ owner_id: number; unread: number; muted: number }>(result).map((r) => [
      Number(r.owner_id),
      { unread_count: r.unread, muted_unread_count: r.muted },
    ]),
  );
}

export const NO_UNREAD: UnreadCounts = { unread_count: 0, muted_unread_count: 0 };

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

/** Rewrites every summary from the messages table (after bulk loads). */
export async function rebuildConversationSummaries(db: Executor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from conversation_summaries`);
    await tx.execute(sql`
      insert into conversation_summaries (owner_id, partner_id, last_message_id, last_message_at, unread_count)
      select owner_id, partner_id, last_message_id, last_message_at, unread_count from (${fromScratch}) s`);
  });
}
