import { sql } from "drizzle-orm";
import type { Executor } from "../connection";
import { notifyJson } from "../events";
import { rowsOf } from "./sql";

/**
 * Mutes or unmutes the member's conversation with a partner, in one statement
 * that also tells the member's other screens (a `mute` notice, sent at commit
 * only if the state changed). Returns whether it changed.
 */
export async function setConversationMuted(db: Executor, ownerId: number, partnerId: number, muted: boolean): Promise<boolean> {
  const notify = notifyJson(
    sql`json_build_object('k', 'mute', 'member', ${ownerId}::int, 'partner', ${partnerId}::int, 'muted', ${muted}::boolean)`,
  );
  // One notice per changed row (zero or one): NOTIFY runs only if a row changed.
  const notice = sql`select count(${notify})::int as changed from changed`;
  const result = muted
    ? await db.execute(sql`
        with changed as (
          insert into conversation_mutes (owner_id, partner_id) values (${ownerId}::int, ${partnerId}::int)
          on conflict do nothing returning 1
        )
        ${notice}`)
    : await db.execute(sql`
        with changed as (
          delete from conversation_mutes where owner_id = ${ownerId}::int and partner_id = ${partnerId}::int returning 1
        )
        ${notice}`);
  return (rowsOf<{ changed: number }>(result)[0]?.changed ?? 0) > 0;
}

/** The partners whose conversations the member muted, by id. */
export async function mutedPartnersOf(db: Executor, ownerId: number): Promise<number[]> {
  const result = await db.execute(
    sql`select partner_id from conversation_mutes where owner_id = ${ownerId}::int order by partner_id`,
  );
  return rowsOf<{ partner_id: number }>(result).map((r) => Number(r.partner_id));
}
