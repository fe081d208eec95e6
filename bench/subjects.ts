import { sql } from "drizzle-orm";
import type { Executor } from "@/db/connection";
import { rowsOf } from "@/db/queries/sql";
import type { Dataset } from "./generate";

/** A member the data benchmark asks about, with the conversations it reads and marks. */
export type Subject = {
  kind: "heavy" | "typical";
  userId: number;
  partners: number;
  /** The conversation whose pages are read, and cursors into it. */
  pairPartnerId: number;
  pairMessages: number;
  olderThanId: number;
  pollAfterId: number;
  /** A conversation with unread messages, marked read and unread again. */
  unreadPartnerId: number;
};

async function one<T>(db: Executor, query: ReturnType<typeof sql>): Promise<T> {
  const row = rowsOf<T>(await db.execute(query))[0];
  if (!row) throw new Error("The bench data set has no member fit for this benchmark: regenerate it.");
  return row;
}

async function describeSubject(db: Executor, kind: Subject["kind"], userId: number, pairPartnerId: number): Promise<Subject> {
  const pair = sql`((sender_id = ${userId} and receiver_id = ${pairPartnerId}) or (sender_id = ${pairPartnerId} and receiver_id = ${userId}))`;
  const { count } = await one<{ count: number }>(db, sql`select count(*)::int as count from messages where ${pair}`);
  // The middle of the history for an older page; the 5th newest so that a poll finds 4 messages.
  const at = async (offset: number) =>
    Number((await one<{ id: string }>(db, sql`
      select id from messages where ${pair} order by "timestamp" desc, id desc offset ${offset} limit 1`)).id);
  const { partners } = await one<{ partners: number }>(db, sql`
    select count(*)::int as partners from conversation_summaries where owner_id = ${userId}`);
  const { partner_id } = await one<{ partner_id: number }>(db, sql`
    select partner_id from conversation_summaries where owner_id = ${userId} and unread_count > 0
    order by unread_count desc, partner_id limit 1`);
  return {
    kind,
    userId,
    partners,
    pairPartnerId,
    pairMessages: count,
    olderThanId: await at(Math.floor(count / 2)),
    pollAfterId: await at(Math.min(4, count - 1)),
    unreadPartnerId: partner_id,
  };
}

/**
 * The first heavy member (with its long conversation) and a typical member: a handful
 * of partners, one of them with unread messages, its busiest conversation read.
 */
export async function findSubjects(db: Executor, dataset: Dataset): Promise<Subject[]> {
  const heavy = await describeSubject(db, "heavy", dataset.longPair[0], dataset.longPair[1]);
  const typical = await one<{ owner_id: number }>(db, sql`
    select owner_id from conversation_summaries
    where owner_id between ${dataset.firstUserId + dataset.heavyIds.length} and ${dataset.lastUserId}
    group by owner_id having count(*) between 3 and 10 and sum(unread_count) > 0
    order by owner_id limit 1`);
  const busiest = await one<{ partner_id: number }>(db, sql`
    select case when sender_id = ${typical.owner_id} then receiver_id else sender_id end as partner_id
    from messages where sender_id = ${typical.owner_id} or receiver_id = ${typical.owner_id}
    group by 1 order by count(*) desc, 1 limit 1`);
  return [heavy, await describeSubject(db, "typical", typical.owner_id, busiest.partner_id)];
}

/** Members with a conversation each, for the HTTP benchmark's many sessions. */
export async function findConversingMembers(
  db: Executor,
  dataset: Dataset,
  count: number,
): Promise<{ userId: number; partnerId: number; lastMessageId: number }[]> {
  const rows = rowsOf<{ owner_id: number; partner_id: number; last_message_id: string }>(await db.execute(sql`
    select distinct on (owner_id) owner_id, partner_id, last_message_id from conversation_summaries
    where owner_id between ${dataset.firstUserId} and ${dataset.lastUserId}
    order by owner_id, last_message_at desc limit ${count}`));
  return rows.map((r) => ({ userId: r.owner_id, partnerId: r.partner_id, lastMessageId: Number(r.last_message_id) }));
}
