import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openPglite, openPostgres, type DatabaseHandle } from "@/db/connection";
import { rebuildConversationSummaries } from "@/db/queries/summaries";
import { rowsOf } from "@/db/queries/sql";
import { databaseUrlFor, withAdmin } from "./database";
import { generateCommunity } from "./generate";
import { mintSessions, type BenchSession } from "./sessions";
import { streamingCommunity } from "./sizes";

/** Messages of each member's conversation with the next one: more than a page (50), so there is an older page. */
const RING_MESSAGES = 60;
const PAGE = 50;

/** The community of the load model, ready for a server to open: who the members are and how to sign in as them. */
export type CommunityDatabase = {
  kind: "PostgreSQL" | "PGlite";
  /** The PostgreSQL database's name (its backends are found by it); absent on PGlite. */
  name?: string;
  /** What the server needs in its environment to open this database. */
  env: Record<string, string>;
  secret: string;
  /** Signed-in browsers of the members, in member order (member i talks to i+1 and hears from i-1). */
  sessions: BenchSession[];
  /** The id just past the newest page (50) of member i's conversation with member i+1 (mod `members`), by pair. */
  olderPageBefore: Map<string, number>;
  drop(): Promise<void>;
};

export const pairKey = (a: number, b: number) => `${Math.min(a, b)}:${Math.max(a, b)}`;

/**
 * Generated members (as bench/live.ts makes them) plus a ring: member i and
 * member i+1 already exchanged 60 messages, and so did the last and the first
 * member of every step, so each member's partner has history to page through.
 */
async function populate(handle: DatabaseHandle, members: number, steps: number[], secret: string) {
  const dataset = await generateCommunity(handle.db, streamingCommunity(members, 4));
  const first = dataset.firstUserId;
  const closing = steps.filter((n) => n > 2).map((n) => `(${first + n - 1}, ${first})`);
  const pairs = [
    `select ${first} + g as a, ${first} + g + 1 as b from generate_series(0, ${members - 2}) g`,
    ...(closing.length ? [`select * from (values ${closing.join(", ")}) closing(a, b)`] : []),
  ].join(" union ");
  await handle.db.execute(sql.raw(`
    insert into messages (id, sender_id, receiver_id, content, "timestamp", is_read, read_at, message_type)
    select (select coalesce(max(id), 0) from messages) + row_number() over (order by k, a),
           case when k % 2 = 0 then a else b end, case when k % 2 = 0 then b else a end,
           'Ring message ' || k, now() - interval '2 hours' + k * interval '1 minute', true,
           now() - interval '2 hours' + k * interval '1 minute', 'general'
    from (${pairs}) pairs, generate_series(1, ${RING_MESSAGES}) k`));
  await handle.db.execute(sql`select setval(pg_get_serial_sequence('messages', 'id'), (select max(id) from messages))`);
  await rebuildConversationSummaries(handle.db);
  await handle.db.execute(sql`analyze messages`);

  const cutoffs = rowsOf<{ lo: number; hi: number; id: number | string }>(await handle.db.execute(sql.raw(`
    select lo, hi, id from (
      select least(sender_id, receiver_id) as lo, greatest(sender_id, receiver_id) as hi, id,
             row_number() over (partition by least(sender_id, receiver_id), greatest(sender_id, receiver_id) order by id desc) as rank
      from messages where sender_id between ${first} and ${first + members - 1} and receiver_id between ${first} and ${first + members - 1}
    ) ranked where rank = ${PAGE}`)));
  const olderPageBefore = new Map(cutoffs.map((r) => [pairKey(Number(r.lo), Number(r.hi)), Number(r.id)]));
  const ids = Array.from({ length: members }, (_, i) => first + i);
  const sessions = await mintSessions(handle.db, ids, secret);
  return { sessions, olderPageBefore };
}

/**
 * A fresh database of its own for the run, dropped afterwards: a PostgreSQL
 * database on the DATABASE_URL server, or (without one) a PGlite folder under
 * .data-bench/ that is filled before the server opens it (PGlite allows one process).
 */
export async function prepareCommunity(
  serverUrl: string | undefined,
  members: number,
  steps: number[],
  log: (line: string) => void,
): Promise<CommunityDatabase> {
  const secret = randomBytes(32).toString("base64url");
  if (serverUrl) {
    const name = `bench_community_${process.pid}`;
    const drop = async () => void (await withAdmin(serverUrl, (admin) => admin.unsafe(`drop database if exists "${name}" with (force)`)));
    await drop();
    await withAdmin(serverUrl, (admin) => admin.unsafe(`create database "${name}"`));
    const databaseUrl = databaseUrlFor(serverUrl, name);
    const handle = openPostgres(databaseUrl, { max: 2 });
    try {
      await handle.migrate();
      log(`generating ${members.toLocaleString()} members with conversations in ${name}`);
      const filled = await populate(handle, members, steps, secret);
      return { kind: "PostgreSQL", name, env: { DATABASE_URL: databaseUrl }, secret, ...filled, drop };
    } catch (error) {
      await drop();
      throw error;
    } finally {
      await handle.close();
    }
  }
  const dataDir = path.resolve(".data-bench", `community_${process.pid}`);
  const drop = async () => rmSync(dataDir, { recursive: true, force: true });
  await drop();
  try {
    const handle = await openPglite(path.join(dataDir, "pglite"));
    const filled = await (async () => {
      await handle.migrate();
      log(`generating ${members.toLocaleString()} members with conversations in ${dataDir}`);
      return populate(handle, members, steps, secret);
    })().finally(() => handle.close()); // closed before the server opens the folder: PGlite allows one process
    return { kind: "PGlite", env: { DATA_DIR: dataDir }, secret, ...filled, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}
