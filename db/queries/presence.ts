import { sql } from "drizzle-orm";
import { getDb, type Executor } from "../connection";
import { notifyJson } from "../events";
import { rowsOf } from "./sql";

/** Seen this recently means online. */
export const ONLINE_SECONDS = 90;

type SeenRow = { id: number; last_seen_at: Date | string | null };
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/**
 * Records that these members are here now; a member who was not online
 * before is announced (presence notice) in the same statement.
 * The rows are locked in id order and FOR NO KEY UPDATE (what the UPDATE itself takes): FOR UPDATE would
 * conflict with the key-share locks a send's foreign-key checks take on the same members, and a send that
 * holds one member's and waits for the other's deadlocked with a batch locking them the other way round.
 */
export async function recordSeen(memberIds: number[], executor?: Executor): Promise<void> {
  if (memberIds.length === 0) return;
  const db = executor ?? (await getDb());
  await db.execute(sql`
    with before as (
      select id, last_seen_at from users where id = any(${sql.raw(`'{${memberIds.map(Number).join(",")}}'::int[]`)})
      order by id for no key update
    ), seen as (
      update users u set last_seen_at = now() from before where u.id = before.id
      returning u.id, before.last_seen_at as was, u.last_seen_at as now_seen
    )
    select count(${notifyJson(sql`json_build_object('k', 'presence', 'member', id, 'online', true, 'lastSeen', to_json(now_seen))`)})::int
    from seen where was is null or was <= now() - make_interval(secs => ${ONLINE_SECONDS})`);
}

/** Announces members whose last sighting crossed the online limit since `since` (nobody refreshed them). */
export async function announceWentAway(since: Date): Promise<void> {
  const db = await getDb();
  await db.execute(sql`
    select count(${notifyJson(sql`json_build_object('k', 'presence', 'member', id, 'online', false, 'lastSeen', to_json(last_seen_at))`)})::int
    from users
    where last_seen_at > ${since.toISOString()}::timestamptz - make_interval(secs => ${ONLINE_SECONDS})
      and last_seen_at <= now() - make_interval(secs => ${ONLINE_SECONDS})`);
}

export type Presence = { memberId: number; online: boolean; lastSeen: string | null };

/** The member's partners who are online now. */
export async function onlinePartners(memberId: number): Promise<Presence[]> {
  const db = await getDb();
  const rows = rowsOf<SeenRow>(
    await db.execute(sql`
      select u.id, u.last_seen_at from conversation_summaries s join users u on u.id = s.partner_id
      where s.owner_id = ${memberId} and u.last_seen_at > now() - make_interval(secs => ${ONLINE_SECONDS})`),
  );
  return rows.map((r) => ({ memberId: r.id, online: true, lastSeen: iso(r.last_seen_at) }));
}

const intArray = (ids: number[]) => sql.raw(`'{${ids.map(Number).join(",")}}'::int[]`);

/** For each member in `members`, which of `candidates` have a conversation with them (who should hear of their presence). */
export async function partnersAmong(members: number[], candidates: number[]): Promise<Map<number, number[]>> {
  const partners = new Map<number, number[]>();
  if (members.length === 0 || candidates.length === 0) return partners;
  const db = await getDb();
  const rows = rowsOf<{ owner_id: number; partner_id: number }>(
    await db.execute(sql`
      select owner_id, partner_id from conversation_summaries
      where partner_id = any(${intArray(members)}) and owner_id = any(${intArray(candidates)})`),
  );
  for (const r of rows) partners.set(r.partner_id, [...(partners.get(r.partner_id) ?? []), r.owner_id]);
  return partners;
}

/** A member's presence, for the conversation page. */
export async function presenceOf(memberId: number): Promise<Presence> {
  const db = await getDb();
  const [row] = rowsOf<SeenRow & { online: boolean }>(
    await db.execute(sql`
      select id, last_seen_at, coalesce(last_seen_at > now() - make_interval(secs => ${ONLINE_SECONDS}), false) as online
      from users where id = ${memberId}`),
  );
  return { memberId, online: row?.online ?? false, lastSeen: iso(row?.last_seen_at ?? null) };
}
