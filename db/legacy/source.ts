import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../connection";
import { rowsOf } from "../queries/sql";

/** Anything that runs SQL: the old app's database, or the app's own when the old tables live there. */
export type SqlRunner = Pick<Executor, "execute">;

// Rows of the old Django app, as read (timestamps stay ISO strings so no precision is lost on the way).
export type LegacyUser = {
  id: number;
  username: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  password: string | null;
  is_active: boolean | null;
  date_joined: string | null;
};
export type LegacyConversation = { id: number; created_date: string | null; updated_date: string | null };
export type LegacyParticipant = { id: number; conversation_id: number; user_id: number };
export type LegacyMessage = {
  id: number;
  conversation_id: number | null;
  sender_id: number;
  recipient_id: number | null;
  content: string;
  created_date: string;
  is_read: boolean;
  message_type: string | null;
};

export const LEGACY_TABLES = [
  "auth_user",
  "messaging_conversation",
  "messaging_conversation_participants",
  "messaging_message",
] as const;

/** Rows of `query` as one JSON document: the same values whichever driver runs it. */
async function jsonRows<T>(db: SqlRunner, query: SQL): Promise<T[]> {
  const result = await db.execute(sql`select coalesce(json_agg(q order by q.id), '[]')::text as rows from (${query}) q`);
  return JSON.parse(rowsOf<{ rows: string }>(result)[0]?.rows ?? "[]") as T[];
}

/** The old tables that are missing from the source database. */
export async function missingLegacyTables(db: SqlRunner): Promise<string[]> {
  const result = await db.execute(sql`
    select name from unnest(array[${sql.join(LEGACY_TABLES.map((t) => sql`${t}`), sql`, `)}]::text[]) as name
    where to_regclass(name) is null`);
  return rowsOf<{ name: string }>(result).map((r) => r.name);
}

export const readLegacyUsers = (db: SqlRunner) =>
  jsonRows<LegacyUser>(
    db,
    sql`select id, username, email, first_name, last_name, password, is_active, date_joined from auth_user`,
  );

export const readLegacyConversations = (db: SqlRunner) =>
  jsonRows<LegacyConversation>(db, sql`select id, created_date, updated_date from messaging_conversation`);

export const readLegacyParticipants = (db: SqlRunner) =>
  jsonRows<LegacyParticipant>(db, sql`select id, conversation_id, user_id from messaging_conversation_participants`);

/** The next `limit` messages after `afterId`, in id order (a restart reads the same batches). */
export const readLegacyMessages = (db: SqlRunner, afterId: number, limit: number) =>
  jsonRows<LegacyMessage>(
    db,
    sql`select id, conversation_id, sender_id, recipient_id, content, created_date, is_read, message_type
        from messaging_message where id > ${afterId} order by id limit ${limit}`,
  );

export async function countLegacyMessages(db: SqlRunner): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as count from messaging_message`);
  return rowsOf<{ count: number }>(result)[0]?.count ?? 0;
}
