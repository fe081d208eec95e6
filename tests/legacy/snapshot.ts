import { sql } from "drizzle-orm";
import type { SqlRunner } from "@/db/legacy/source";
import { rowsOf } from "@/db/queries/sql";

// Every table the import writes, in a fixed order; quarantined_at is the only column that records when.
const TABLES = {
  users: "select * from users order by id",
  legacy_conversations: "select * from legacy_conversations order by id",
  legacy_conversation_participants: "select * from legacy_conversation_participants order by id",
  messages: "select * from messages order by id",
  conversation_summaries: "select * from conversation_summaries order by owner_id, partner_id",
  legacy_message_quarantine:
    "select id, conversation_id, sender_id, recipient_id, content, created_date, is_read, message_type, reason from legacy_message_quarantine order by id",
  sequences:
    "select 1 as id, pg_sequence_last_value('users_id_seq') as users, pg_sequence_last_value('messages_id_seq') as messages",
};

/** The full contents of the app's tables as JSON text, for comparing two databases exactly. */
export async function snapshot(db: SqlRunner): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, query] of Object.entries(TABLES)) {
    const result = await db.execute(sql.raw(`select coalesce(json_agg(t), '[]')::text as rows from (${query}) t`));
    out[name] = rowsOf<{ rows: string }>(result)[0]!.rows;
  }
  return out;
}
