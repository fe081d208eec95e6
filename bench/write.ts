import { sql } from "drizzle-orm";
import { useDatabase, withTransaction, type Database, type DatabaseHandle } from "@/db/connection";
import { insertMessage } from "@/db/queries";
import { rowsOf } from "@/db/queries/sql";
import { messages } from "@/db/schema";
import { sendMessage } from "@/lib/messaging/service";
import type { Dataset } from "./generate";
import { round } from "./stats";

export type WriteRow = {
  size: string;
  path: string;
  concurrency: number;
  messages: number;
  perSecond: number;
  ratioToPlain: number;
};

// Writers are members made for this benchmark, in a throwaway copy of the data set.
const WRITER_PREFIX = "bench.writer.";
const WRITERS = 2_000;

async function createWriters(db: Database): Promise<number[]> {
  const rows = rowsOf<{ id: number }>(await db.execute(sql`
    insert into users (username, email, name, password_hash)
    select ${WRITER_PREFIX} || g, ${WRITER_PREFIX} || g || '@bench.example', 'Bench Writer ' || g, '!'
    from generate_series(1, ${WRITERS}::int) g returning id`));
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

type Send = (senderId: number, receiverId: number, content: string) => Promise<unknown>;

const paths: { path: string; send: (db: Database) => Send }[] = [
  {
    path: "plain INSERT into messages",
    send: (db) => (senderId, receiverId, content) =>
      db.insert(messages).values({ senderId, receiverId, content, messageType: "general" }),
  },
  {
    path: "insertMessage (+ locks, summaries, notification; one transaction)",
    send: () => (senderId, receiverId, content) =>
      withTransaction((tx) => insertMessage(tx, { senderId, receiverId, content, messageType: "general" })),
  },
  {
    path: "sendMessage (service: + partner check, rate limit)",
    send: () => (senderId, receiverId, content) =>
      sendMessage(senderId, { receiverId, content, messageType: "general", idempotencyKey: null }),
  },
];

/** Sends `count` messages on `concurrency` loops; senders take turns so none passes the send limit. */
async function timeSends(send: Send, writers: number[], count: number, concurrency: number, offset: number) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const k = (offset + i) % writers.length;
        await send(writers[k]!, writers[(k + 1) % writers.length]!, `Write benchmark message ${i}`);
      }
    }),
  );
  return performance.now() - started;
}

/**
 * Messages per second through a plain insert, the domain insert that keeps the
 * summaries, and the service's send, interleaved in rounds so that noise falls on all alike.
 */
export async function benchWrite(
  handle: DatabaseHandle,
  dataset: Dataset,
  options: { messages: number; concurrency: number[] },
): Promise<WriteRow[]> {
  useDatabase(handle);
  const db = handle.db;
  const writers = await createWriters(db);
  const rounds = 3;
  const perRound = Math.ceil(options.messages / rounds);
  const rows: WriteRow[] = [];
  {
    for (const concurrency of options.concurrency) {
      const elapsed = paths.map(() => 0);
      for (let r = 0; r < rounds; r++) {
        for (const [p, { send }] of paths.entries()) {
          elapsed[p]! += await timeSends(send(db), writers, perRound, concurrency, (r * paths.length + p) * perRound);
        }
      }
      const rates = elapsed.map((ms) => (perRound * rounds) / (ms / 1000));
      for (const [p, { path }] of paths.entries()) {
        rows.push({
          size: dataset.size,
          path,
          concurrency,
          messages: perRound * rounds,
          perSecond: Math.round(rates[p]!),
          ratioToPlain: round(rates[p]! / rates[0]!),
        });
      }
    }
  }
  return rows;
}
