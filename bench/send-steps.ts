/**
 * Where a send's database time goes: the service's own statements, run one by
 * one on a reserved connection and timed from the client (round trip included),
 * then EXPLAIN (ANALYZE, BUFFERS) of each. PostgreSQL only; makes and drops its
 * own database. Not part of `npm run bench` (a diagnostic):
 *
 *   DATABASE_URL=postgres://… [STEPS=two] [PREPARE=0] npx tsx --conditions=react-server bench/send-steps.ts [sends] [concurrency]
 */
import { randomBytes } from "node:crypto";
import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import postgres from "postgres";
import { openPostgres, type Executor } from "@/db/connection";
import { insertMessage, insertMessageWithinLimit } from "@/db/queries/messages";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { SEND_LIMIT } from "@/lib/messaging/service";
import { percentile } from "./stats";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("Set DATABASE_URL to a PostgreSQL server.");
const sends = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 8);
const dialect = new PgDialect();

type Step = string;
const times = new Map<Step, number[]>();
const record = (step: Step, ms: number) => (times.get(step) ?? times.set(step, []).get(step)!).push(ms);

/** An Executor that runs each statement on one reserved connection, timing it (and optionally explaining it). */
function timedExecutor(conn: postgres.ReservedSql, prepare: boolean, explain?: string[]): Executor {
  let statement = 0;
  return {
    async execute(query: SQL) {
      const { sql: text, params } = dialect.sqlToQuery(query);
      if (explain) {
        const plan = await conn.unsafe(`explain (analyze, buffers, timing) ${text}`, params as never[]);
        explain.push(plan.map((r) => r["QUERY PLAN"]).join("\n"));
      }
      const started = performance.now();
      const rows = await conn.unsafe(text, params as never[], { prepare });
      record(`statement ${++statement} (${text.trim().split(/\s+/).slice(0, 3).join(" ")} …)`, performance.now() - started);
      return rows;
    },
  } as unknown as Executor;
}

async function timed<T>(step: Step, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  record(step, performance.now() - started);
  return result;
}

async function main() {
  const name = `bench_steps_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), { max: concurrency });
  const client = postgres(url.toString(), { max: concurrency, onnotice: () => {}, connection: { jit: "off" } });
  try {
    await handle.migrate();
    await client.unsafe(`insert into users (username, email, name, password_hash)
      select 'steps.' || g, 'steps.' || g || '@bench.example', 'Steps ' || g, '!' from generate_series(1, 2000) g`);
    const ids = (await client.unsafe<{ id: number }[]>("select id from users order by id")).map((r) => r.id);
    const prepare = process.env.PREPARE !== "0";
    // STEPS=two: the send as it was before (the limit's upsert, then the insert statement).
    const twoStatements = process.env.STEPS === "two";
    const send = async (conn: postgres.ReservedSql, i: number, explain?: string[]) => {
      const sender = ids[i % ids.length]!;
      const receiver = ids[(i + 1) % ids.length]!;
      const started = performance.now();
      await timed("begin", () => conn.unsafe("begin"));
      const tx = timedExecutor(conn, prepare, explain);
      const input = { senderId: sender, receiverId: receiver, content: `Steps ${i}`, messageType: "general", idempotencyKey: null };
      if (twoStatements) {
        await hitRateLimit(`send:${sender}`, SEND_LIMIT.windowSeconds, tx);
        await insertMessage(tx, input);
      } else {
        await insertMessageWithinLimit(tx, input, { key: `send:${sender}`, windowSeconds: SEND_LIMIT.windowSeconds, max: SEND_LIMIT.messages });
      }
      await timed("commit", () => conn.unsafe("commit"));
      record("whole send", performance.now() - started);
    };
    let next = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      const conn = await client.reserve();
      try {
        for (let i = next++; i < sends; i = next++) await send(conn, i);
      } finally {
        conn.release();
      }
    }));
    const elapsed = performance.now() - started;
    console.info(`${sends} sends at ${concurrency} concurrent, ${twoStatements ? "two statements" : "one statement"}, prepare ${prepare}: ${Math.round(sends / (elapsed / 1000))} sends/s`);
    console.info("| step | median ms | p90 ms | p99 ms |\n| --- | --- | --- | --- |");
    for (const [step, list] of times) {
      const sorted = [...list].sort((a, b) => a - b);
      console.info(`| ${step} | ${percentile(sorted, 50).toFixed(2)} | ${percentile(sorted, 90).toFixed(2)} | ${percentile(sorted, 99).toFixed(2)} |`);
    }
    const conn = await client.reserve();
    const plans: string[] = [];
    times.clear();
    await send(conn, sends + 7, plans);
    conn.release();
    console.info(`\nEXPLAIN (ANALYZE, BUFFERS) of one send's statement:\n${plans.join("\n\n")}`);
  } finally {
    await client.end();
    await handle.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

await main();
