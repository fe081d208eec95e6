/**
 * A send's time inside the route, without HTTP or Next.js: the send route's
 * steps called in-process in the route's order, at a fixed concurrency, each
 * timed. The HTTP benchmark's per-request time minus this is the framework's share.
 * 1,000 senders take turns, so each session is used less than once a second and
 * its check goes to the database every time, as in the HTTP benchmark.
 * PostgreSQL only; makes and drops its own database. A diagnostic, not part of `npm run bench`:
 *
 *   DATABASE_URL=postgres://… npx tsx --conditions=react-server bench/send-inprocess.ts [sends] [concurrency]
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openPostgres, useDatabase } from "@/db/connection";
import { rowsOf } from "@/db/queries/sql";
import { requireApiUser } from "@/lib/auth/session";
import { verifyCsrf } from "@/lib/csrf";
import { parseBody } from "@/lib/http/body";
import { json } from "@/lib/http/route";
import { sendMessageSchema } from "@/lib/messaging/schemas";
import { sendMessage } from "@/lib/messaging/service";
import { toMessageJson } from "@/lib/messaging/wire";
import { mintSessions } from "./sessions";
import { percentile } from "./stats";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("Set DATABASE_URL to a PostgreSQL server.");
const sends = Number(process.argv[2] ?? 3000);
const concurrency = Number(process.argv[3] ?? 20);
const secret = randomBytes(32).toString("base64url");
process.env.NEXTAUTH_SECRET = secret;

const times = new Map<string, number[]>();
async function timed<T>(step: string, work: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  (times.get(step) ?? times.set(step, []).get(step)!).push(performance.now() - started);
  return result;
}

async function main() {
  const name = `bench_inproc_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString());
  try {
    await handle.migrate();
    useDatabase(handle);
    const members = rowsOf<{ id: number }>(await handle.db.execute(sql`
      insert into users (username, email, name, password_hash)
      select 'inproc.' || g, 'inproc.' || g || '@bench.example', 'In Process ' || g, '!' from generate_series(1, 1000) g
      returning id`)).map((r) => r.id);
    const sessions = await mintSessions(handle.db, members, secret);
    const origin = "http://127.0.0.1:3700";
    const request = (i: number) => {
      const s = sessions[i % sessions.length]!;
      return new Request(`${origin}/messaging/api/send/`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrftoken": s.csrf, cookie: s.cookie, origin, host: "127.0.0.1:3700" },
        body: JSON.stringify({ receiver_id: members[(i + 1) % members.length], content: "Benchmark hello", message_type: "general" }),
      });
    };
    const send = async (i: number) => {
      const req = request(i);
      const started = performance.now();
      const user = await timed("session (cookie decoded once; live-session row read)", () => requireApiUser(req));
      await timed("CSRF check", () => verifyCsrf(req));
      const input = await timed("body read + zod validation", () => parseBody(req, sendMessageSchema));
      const { message, created } = await timed("sendMessage (BEGIN, statement, COMMIT)", () => sendMessage(user.id, input));
      const res = await timed("JSON answer (build + serialise)", () => json({ message: toMessageJson(message) }, { status: created ? 201 : 200 }));
      await timed("reading the answer body", () => res.text());
      (times.get("whole handler") ?? times.set("whole handler", []).get("whole handler")!).push(performance.now() - started);
    };
    for (let i = 0; i < 200; i++) await send(i); // warm-up: every session decoded once, code paths compiled
    times.clear();
    let next = 0;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < sends; i = next++) await send(200 + i);
    }));
    const elapsed = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    console.info(`${sends} sends at ${concurrency} concurrent, in-process: ${Math.round(sends / (elapsed / 1000))} sends/s, ` +
      `Node CPU ${((cpu.user + cpu.system) / 1000 / sends).toFixed(2)} ms per send`);
    console.info("| step | median ms | p90 ms | p99 ms |\n| --- | --- | --- | --- |");
    for (const [step, list] of times) {
      const sorted = [...list].sort((a, b) => a - b);
      console.info(`| ${step} | ${percentile(sorted, 50).toFixed(2)} | ${percentile(sorted, 90).toFixed(2)} | ${percentile(sorted, 99).toFixed(2)} |`);
    }
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

await main();
