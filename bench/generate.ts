import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/connection";
import { rebuildConversationSummaries } from "@/db/queries/summaries";
import { rowsOf } from "@/db/queries/sql";
import { hashPassword } from "@/lib/auth/password";
import type { SizeSpec } from "./sizes";
import { CITIES, FIRST_NAMES, HEADLINES, INTERESTS, LAST_NAMES, MESSAGE_TEXTS } from "./vocabulary";

/** What a generated community holds: the ids benchmarks ask about. */
export type Dataset = {
  size: string;
  users: number;
  messages: number;
  firstUserId: number;
  lastUserId: number;
  heavyIds: number[];
  /** The first heavy member and the partner of their longest conversation. */
  longPair: [number, number];
  seconds: number;
};

/** Anyone may sign in as a generated member with this password (one hash shared by all). */
export const BENCH_PASSWORD = "bench-password";

const int = (n: number): SQL => sql.raw(String(Math.trunc(n)));
const textArray = (words: string[]): SQL =>
  sql.raw(`array[${words.map((w) => `'${w.replaceAll("'", "''")}'`).join(",")}]::text[]`);
const pick = (words: string[]): SQL => sql`(${textArray(words)})[1 + floor(random() * ${int(words.length)})::int]`;

async function maxId(db: Executor, table: "users" | "messages"): Promise<number> {
  const rows = rowsOf<{ max: number | string | null }>(await db.execute(sql.raw(`select max(id) as max from ${table}`)));
  return Number(rows[0]?.max ?? 0);
}

async function insertUsers(tx: Executor, spec: SizeSpec, base: number, passwordHash: string) {
  await tx.execute(sql`
    insert into users (id, username, email, name, password_hash, headline, bio, location, interests, created_at)
    select ${int(base)} + g,
           lower(first) || '.' || lower(last) || g,
           lower(first) || '.' || lower(last) || g || '@bench.example',
           first || ' ' || last,
           ${passwordHash},
           ${pick(HEADLINES)}, '', ${pick(CITIES)},
           array[${pick(INTERESTS)}, ${pick(INTERESTS)}],
           now() - random() * interval '3 years'
    from (select g, ${pick(FIRST_NAMES)} as first, ${pick(LAST_NAMES)} as last
          from generate_series(1, ${int(spec.users)}) g) named`);
}

/**
 * Conversations as (a, b, messages, start, length): heavy members with ~1,000 partners,
 * one long conversation, and ordinary pairs whose starters lean towards the active members.
 */
async function createPairs(tx: Executor, spec: SizeSpec, base: number): Promise<[number, number]> {
  const U = spec.users;
  const first = base + 1;
  const longPair: [number, number] = [first, base + U];
  const heavyTotal = spec.heavyMembers * spec.heavyPartners * spec.messagesPerHeavyPair;
  const ordinaryPairs = Math.max(1, Math.round((spec.messages - heavyTotal - spec.longPairMessages) / spec.messagesPerPair));
  await tx.execute(sql`create temp table bench_pairs (a int, b int, n int, start_at timestamptz, span interval) on commit drop`);
  await tx.execute(sql`
    insert into bench_pairs
    select distinct on (least(a, b), greatest(a, b)) a, b, n, start_at, span from (
      select ${int(longPair[0])} as a, ${int(longPair[1])} as b, ${int(spec.longPairMessages)} as n,
             now() - interval '365 days' as start_at, interval '365 days' as span, 0 as priority
      union all
      select ${int(first)} + h, ${int(first)} + ((h + k) % ${int(U)}), ${int(spec.messagesPerHeavyPair)},
             now() - random() * interval '365 days', interval '60 days', 1
      from generate_series(0, ${int(spec.heavyMembers - 1)}) h, generate_series(1, ${int(spec.heavyPartners)}) k
      union all
      select a, b, 1 + round(-ln(1 - random()) * ${int(spec.messagesPerPair - 1)})::int,
             now() - random() * interval '365 days', random() * interval '30 days', 2
      from (select ${int(first)} + floor(${int(U)} * power(random(), 1.5))::int as a,
                   ${int(first)} + floor(${int(U)} * random())::int as b
            from generate_series(1, ${int(ordinaryPairs)})) drawn
      where a <> b
    ) candidates
    order by least(a, b), greatest(a, b), priority`);
  return longPair;
}

/** Messages of every pair, ids in time order as a live table would have them; the last week partly unread. */
async function insertMessages(tx: Executor, base: number) {
  await tx.execute(sql`
    insert into messages (id, sender_id, receiver_id, content, "timestamp", is_read, read_at, message_type)
    select ${int(base)} + row_number() over (order by ts),
           case when forward then a else b end, case when forward then b else a end,
           content, ts, is_read, case when is_read then least(now(), ts + interval '20 minutes') end, message_type
    from (
      select a, b, random() < 0.5 as forward, ts,
             ts < now() - interval '7 days' or random() < 0.4 as is_read,
             ${pick(MESSAGE_TEXTS)} as content,
             case when random() < 0.85 then 'general'
                  else ${pick(["coffee_chat", "mentorship", "networking", "collaboration"])} end as message_type
      from (select a, b, least(now(), start_at + random() * span) as ts
            from bench_pairs, generate_series(1, n)) timed
    ) drawn`);
}

/**
 * Loads a believable community into `db` with set-based inserts (generate_series),
 * then rebuilds the conversation summaries from the messages. Ids follow whatever is there.
 */
export async function generateCommunity(db: Executor, spec: SizeSpec, seed = 0.42): Promise<Dataset> {
  const started = performance.now();
  const userBase = await maxId(db, "users");
  const messageBase = await maxId(db, "messages");
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const longPair = await db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql`select setseed(${int(seed * 1000)} / 1000.0)`);
    await insertUsers(tx, spec, userBase, passwordHash);
    const pair = await createPairs(tx, spec, userBase);
    await insertMessages(tx, messageBase);
    await tx.execute(sql`select setval(pg_get_serial_sequence('users', 'id'), (select max(id) from users))`);
    await tx.execute(sql`select setval(pg_get_serial_sequence('messages', 'id'), (select max(id) from messages))`);
    return pair;
  });
  await rebuildConversationSummaries(db);
  await db.execute(sql`analyze users`);
  await db.execute(sql`vacuum analyze messages`); // vacuum too: the visibility map lets counts read the index alone
  await db.execute(sql`analyze conversation_summaries`);
  const first = userBase + 1;
  return {
    size: spec.name,
    users: spec.users,
    messages: (await maxId(db, "messages")) - messageBase,
    firstUserId: first,
    lastUserId: userBase + spec.users,
    heavyIds: Array.from({ length: spec.heavyMembers }, (_, i) => first + i),
    longPair,
    seconds: (performance.now() - started) / 1000,
  };
}
