import { sql } from "drizzle-orm";
import type { Executor } from "../connection";
import { rowsOf } from "../queries/sql";
import { moveSummariesToAdded } from "../queries/summaries";
import type { ExistingMember, MemberRow } from "./members";
import type { LegacyConversation, LegacyMessage, LegacyParticipant, SqlRunner } from "./source";

// Rows travel as one JSON parameter: any batch size, exact timestamps, the same on both drivers.
const asJson = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

const CHUNK = 1000;
const chunks = <T>(rows: T[]) =>
  Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));

const countOf = (result: unknown) => rowsOf<{ count: number }>(result)[0]?.count ?? 0;

export async function readMembers(db: SqlRunner): Promise<ExistingMember[]> {
  return rowsOf<ExistingMember>(await db.execute(sql`select id, username, email from users`));
}

/** Inserts members with their old ids; returns how many were added. */
export async function insertMembers(tx: SqlRunner, rows: MemberRow[]): Promise<number> {
  let added = 0;
  for (const chunk of chunks(rows)) {
    added += countOf(
      await tx.execute(sql`
        with added as (
          insert into users (id, username, email, name, password_hash, created_at)
          select id, username, email, name, password_hash, coalesce(created_at, now())
          from jsonb_to_recordset(${asJson(chunk)}) as t(
            id int, username text, email text, name text, password_hash text, created_at timestamptz)
          on conflict (id) do nothing
          returning 1)
        select count(*)::int as count from added`),
    );
  }
  return added;
}

export async function insertConversations(tx: SqlRunner, rows: LegacyConversation[]): Promise<number> {
  let added = 0;
  for (const chunk of chunks(rows)) {
    added += countOf(
      await tx.execute(sql`
        with added as (
          insert into legacy_conversations (id, created_at, updated_at)
          select id, coalesce(created_date, now()), coalesce(updated_date, created_date, now())
          from jsonb_to_recordset(${asJson(chunk)}) as t(id int, created_date timestamptz, updated_date timestamptz)
          on conflict (id) do nothing
          returning 1)
        select count(*)::int as count from added`),
    );
  }
  return added;
}

export async function insertParticipants(tx: SqlRunner, rows: LegacyParticipant[]): Promise<number> {
  let added = 0;
  for (const chunk of chunks(rows)) {
    added += countOf(
      await tx.execute(sql`
        with added as (
          insert into legacy_conversation_participants (id, conversation_id, user_id)
          select id, conversation_id, user_id
          from jsonb_to_recordset(${asJson(chunk)}) as t(id int, conversation_id int, user_id int)
          on conflict (id) do nothing
          returning 1)
        select count(*)::int as count from added`),
    );
  }
  return added;
}

export type DeliveredRow = {
  id: number;
  sender_id: number;
  receiver_id: number;
  content: string;
  created_date: string;
  is_read: boolean;
  message_type: string | null;
  conversation_id: number | null;
};

/**
 * Inserts old messages with their ids and moves both members' conversation
 * summaries by exactly the rows added, in one statement: a batch rerun adds
 * nothing and changes no summary. `clashes` counts ids already used by a different message.
 */
export async function insertDelivered(tx: SqlRunner, rows: DeliveredRow[]): Promise<{ added: number; clashes: number[] }> {
  if (rows.length === 0) return { added: 0, clashes: [] };
  const result = await tx.execute(sql`
    with batch as (
      select * from jsonb_to_recordset(${asJson(rows)}) as t(
        id bigint, sender_id int, receiver_id int, content text, created_date timestamptz,
        is_read boolean, message_type text, conversation_id int)
    ), added as (
      insert into messages (id, sender_id, receiver_id, content, "timestamp", is_read, read_at, message_type, conversation_id)
      select id, sender_id, receiver_id, content, created_date, is_read, null, message_type, conversation_id from batch
      on conflict (id) do nothing
      returning id, sender_id, receiver_id, "timestamp", is_read
    ), released as (
      -- quarantined by an earlier run, deliverable now (the old data was fixed)
      delete from legacy_message_quarantine q using added where q.id = added.id
    ), ${moveSummariesToAdded}
    select (select count(*)::int from added) as added,
           coalesce((select json_agg(m.id order by m.id) from batch b join messages m on m.id = b.id
             where (m.sender_id, m.receiver_id, m.content) is distinct from (b.sender_id, b.receiver_id, b.content)), '[]')::text as clashes`);
  const row = rowsOf<{ added: number; clashes: string }>(result)[0];
  return { added: row?.added ?? 0, clashes: JSON.parse(row?.clashes ?? "[]") as number[] };
}

export type QuarantineRow = LegacyMessage & { reason: string };

/** Keeps old messages that have no receiver, exactly as they were, with the reason (never one already delivered). */
export async function insertQuarantined(tx: SqlRunner, rows: QuarantineRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return countOf(
    await tx.execute(sql`
      with added as (
        insert into legacy_message_quarantine
          (id, conversation_id, sender_id, recipient_id, content, created_date, is_read, message_type, reason)
        select id, conversation_id, sender_id, recipient_id, content, created_date, is_read, message_type, reason
        from jsonb_to_recordset(${asJson(rows)}) as t(
          id int, conversation_id int, sender_id int, recipient_id int, content text, created_date timestamptz,
          is_read boolean, message_type text, reason text)
        where not exists (select 1 from messages m where m.id = t.id)
        on conflict (id) do nothing
        returning 1)
      select count(*)::int as count from added`),
  );
}

/** Moves an id sequence past the highest id in its table (never backwards); returns the next id. */
export async function moveSequencePastIds(db: Executor, table: "users" | "messages"): Promise<number> {
  const seq = `${table}_id_seq`;
  await db.execute(sql`
    select setval(${seq}::regclass, m) from (select max(id) as m from ${sql.identifier(table)}) s
    where m >= coalesce(pg_sequence_last_value(${seq}::regclass), 0)`);
  const result = await db.execute(sql`
    select coalesce(pg_sequence_last_value(${seq}::regclass) + 1, 1)::bigint::text as next`);
  return Number(rowsOf<{ next: string }>(result)[0]?.next ?? 1);
}
