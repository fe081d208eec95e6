import os from "node:os";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { openPostgres } from "@/db/connection";
import { databaseUrlFor, withAdmin } from "./database";
import { generateCommunity, type Dataset } from "./generate";
import { Deliveries, runLoad, type LoadResult, type Pair } from "./live-load";
import { startCpuCount, type CpuUse } from "./cpu";
import { startServer, type RunningServer } from "./server";
import { mintSessions, type BenchSession } from "./sessions";
import { streamingCommunity } from "./sizes";
import { openSse, type SseStream } from "./sse-client";
import { round } from "./stats";

export type LiveOptions = {
  /** Streams open while messages are sent (half on each instance). */
  streams: number;
  /** Open idle streams at which memory is measured, ascending (e.g. 1,000 and 5,000). */
  memoryStreams: number[];
  /** The rate of the first phase (messages/s) and how long every phase sends. */
  rate: number;
  seconds: number;
  /** Rates tried after the first phase, ascending, until one misses p99 ≤ 1 s: those above it if it held, else those below. */
  searchRates: number[];
  /** Members who send (each sends well under the 30-per-10-s limit). */
  senders: number;
  ports: [number, number];
};


const WARM_UP_SECONDS = 5;
export type LivePhase = LoadResult & { phase: string; held: boolean; cpu?: CpuUse };
export type LiveMemoryRow = { streams: number; rssBeforeMb: number; rssAfterMb: number; perStreamKb: number };
export type LiveResults = {
  members: number;
  streams: number;
  phases: LivePhase[];
  /** The highest rate held for a whole phase with p99 ≤ 1 s, nothing lost or doubled; null if none was. */
  highestRate: number | null;
  /** Memory per stream of each step: (RSS after - RSS before) / streams opened in that step. */
  memory: LiveMemoryRow[];
  /** How long message delivery stayed slow (probe p99 ≥ 250 ms) after streams were opened. */
  busy?: { after: string; seconds: number }[];
  /** `resync` events seen on any stream (a listener that reconnected, or a failed dispatch). */
  resyncs: number;
};

const P99_LIMIT_MS = 1_000;
const SETTLE_MS = 8_000;
const OPEN_CONCURRENCY = 50;
const mb = (bytes: number) => round(bytes / 2 ** 20, 1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The soft open-files limit of this process (the servers inherit it); each stream holds a socket on both ends. */
function openFilesLimit(): number {
  const line = readFileSync("/proc/self/limits", "utf8").split("\n").find((l) => l.startsWith("Max open files"));
  return Number(line?.split(/\s{2,}/)[1] ?? Infinity);
}

/** A fresh database of its own with a community big enough for one stream per member, dropped afterwards. */
async function freshDatabase(serverUrl: string, members: number, log: (line: string) => void) {
  const name = `bench_live_${process.pid}`;
  await withAdmin(serverUrl, (admin) => admin.unsafe(`drop database if exists "${name}" with (force)`));
  await withAdmin(serverUrl, (admin) => admin.unsafe(`create database "${name}"`));
  const databaseUrl = databaseUrlFor(serverUrl, name);
  const drop = () => withAdmin(serverUrl, (admin) => admin.unsafe(`drop database if exists "${name}" with (force)`));
  const handle = openPostgres(databaseUrl, { max: 2 });
  try {
    await handle.migrate();
    log(`generating ${members.toLocaleString()} members with conversations in ${name}`);
    const dataset = await generateCommunity(handle.db, streamingCommunity(members, 6));
    return { databaseUrl, dataset, drop };
  } catch (error) {
    await drop();
    throw error;
  } finally {
    await handle.close();
  }
}

type Instances = { a: RunningServer; b: RunningServer; secret: string; stop(): Promise<void> };

async function startInstances(databaseUrl: string, ports: [number, number], log: (line: string) => void): Promise<Instances> {
  const secret = randomBytes(32).toString("base64url");
  const start = (port: number, name: string) =>
    startServer(
      { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: `http://127.0.0.1:${port}` },
      port,
      path.join("bench", "results", `live-${name}.tmp`),
    );
  log(`next start ×2 on ports ${ports.join(" and ")} (logs in bench/results/live-a.tmp, live-b.tmp)`);
  const a = await start(ports[0], "a");
  const b = await start(ports[1], "b").catch(async (error) => {
    await a.stop();
    throw error;
  });
  return { a, b, secret, stop: async () => void (await Promise.all([a.stop(), b.stop()])) };
}

/** Open streams by member, each on the instance chosen by `serverOf`, a few dozen opening at a time. */
async function openStreams(
  sessions: BenchSession[],
  serverOf: (index: number) => RunningServer,
  open: Map<number, SseStream>,
  deliveries: Deliveries,
) {
  let next = 0;
  const worker = async () => {
    while (next < sessions.length) {
      const index = next++;
      const session = sessions[index]!;
      if (open.has(session.userId)) continue;
      const stream = openSse(`${serverOf(index).url}/messaging/api/events/`, { cookie: session.cookie }, (e) => deliveries.record(e));
      open.set(session.userId, stream);
      await stream.opened;
    }
  };
  await Promise.all(Array.from({ length: OPEN_CONCURRENCY }, worker));
}

const held = (r: LoadResult) =>
  r.p99Ms <= P99_LIMIT_MS && r.lost === 0 && r.duplicated === 0 && r.sendErrors === "" && r.sentRate >= r.targetRate * 0.95;

/**
 * Two `next start` instances on one fresh PostgreSQL database: memory per idle
 * stream, then sends through A timed to the `message` event on B's streams,
 * at a fixed rate and then at rising rates until p99 passes 1 s.
 */
export async function benchLive(serverUrl: string, options: LiveOptions, log: (line: string) => void): Promise<LiveResults> {
  const maxStreams = Math.max(options.streams, ...options.memoryStreams);
  const limit = openFilesLimit();
  if (limit < maxStreams * 2 + 1_000) {
    throw new Error(`${maxStreams.toLocaleString()} streams need more open files than the limit of ${limit}: run \`ulimit -n ${maxStreams * 2 + 4_000}\` first.`);
  }
  const members = maxStreams + options.senders;
  const { databaseUrl, dataset, drop } = await freshDatabase(serverUrl, members, log);
  const open = new Map<number, SseStream>();
  try {
    const instances = await startInstances(databaseUrl, options.ports, log);
    try {
      return await measure(instances, databaseUrl, dataset, options, open, log);
    } finally {
      open.forEach((s) => s.close());
      await instances.stop();
    }
  } finally {
    await drop();
  }
}

async function measure(
  { a, b, secret }: Instances,
  databaseUrl: string,
  dataset: Dataset,
  options: LiveOptions,
  open: Map<number, SseStream>,
  log: (line: string) => void,
): Promise<LiveResults> {
  const maxStreams = Math.max(options.streams, ...options.memoryStreams);
  const ids = Array.from({ length: maxStreams + options.senders }, (_, i) => dataset.firstUserId + i);
  const db = openPostgres(databaseUrl, { max: 2 });
  const sessions = await mintSessions(db.db, ids, secret).finally(() => db.close());
  const streamers = sessions.slice(0, maxStreams);
  const senders = sessions.slice(maxStreams);
  const deliveries = new Deliveries();
  // Even members stream from A, odd ones from B; messages go to B's members through A.
  const serverOf = (index: number) => (index % 2 === 0 ? a : b);
  const receivers = streamers.slice(0, options.streams).filter((_, i) => i % 2 === 1);
  const pairs: Pair[] = Array.from({ length: Math.max(senders.length, receivers.length) }, (_, k) => ({
    sender: senders[k % senders.length]!,
    receiverId: receivers[k % receivers.length]!.userId,
  }));

  log("warming up (streams on both instances, sends through A)");
  const warm = streamers.slice(0, Math.min(20, options.streams));
  await openStreams(warm, serverOf, open, deliveries);
  await runLoad({ origin: a.url, pairs: pairs.slice(0, warm.length), rate: 20, seconds: 1, deliveries, tag: "warm-up" });
  for (const s of warm) {
    open.get(s.userId)!.close();
    open.delete(s.userId);
  }
  await sleep(SETTLE_MS);

  // Until every instance has dispatched what opening streams announced (presence), messages wait behind it.
  const waitQuiet = async (after: string) => {
    const begin = performance.now();
    while (performance.now() - begin < 180_000) {
      const probe = await runLoad({ origin: a.url, pairs, rate: 5, seconds: 1, deliveries, tag: "probe" });
      if (probe.p99Ms < 250) break;
    }
    const seconds = round((performance.now() - begin) / 1000, 1);
    log(`  delivery back under 250 ms ${seconds} s after ${after}`);
    busy.push({ after, seconds });
  };
  const busy: { after: string; seconds: number }[] = [];
  const memory: LiveMemoryRow[] = [];
  const measureOpening = async (count: number) => {
    const before = a.rss() + b.rss();
    const already = open.size;
    log(`memory: opening idle streams up to ${count.toLocaleString()}`);
    await openStreams(streamers.slice(0, count), serverOf, open, deliveries);
    await sleep(SETTLE_MS);
    const after = a.rss() + b.rss();
    memory.push({ streams: count, rssBeforeMb: mb(before), rssAfterMb: mb(after), perStreamKb: round((after - before) / (count - already) / 1024, 1) });
    log(`memory: ${already} → ${count} streams, RSS of both servers ${mb(before)} → ${mb(after)} MB`);
    await waitQuiet(`opening ${count - already} streams`);
  };

  // The streams of the load phases (memory measured as they open), then the load, then the rest of the memory steps.
  await measureOpening(options.streams);
  const phases: LivePhase[] = [];
  const run = async (rate: number, phase: string) => {
    log(`sending ${rate}/s through A for ${options.seconds} s to ${receivers.length} streams on B (${options.streams} open)`);
    const counting = startCpuCount([a.group, b.group]);
    const result = await runLoad({ origin: a.url, pairs, rate, seconds: options.seconds, deliveries, tag: `${rate}/s` });
    const cpu = counting.stop();
    log(`  send answered p50 ${result.sendP50Ms} ms, p99 ${result.sendP99Ms} ms; delivered p50 ${result.p50Ms} ms, `
      + `p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms; lost ${result.lost}, doubled ${result.duplicated}`
      + `${result.sendErrors ? `, send errors ${result.sendErrors}` : ""}`);
    log(`  CPU in % of one core: app ${cpu.appCpuPct}, postgres (all) ${cpu.postgresCpuPct}, this benchmark ${cpu.benchCpuPct}, `
      + `whole machine ${cpu.machineBusyPct} of ${os.cpus().length * 100}`);
    phases.push({ ...result, phase, held: held(result), cpu });
    await sleep(3_000);
    return held(result);
  };
  // A warm-up at the fixed rate, not counted (the ejabberd harness warms up 5 s too): the servers open their pools'
  // connections, prepare their statements and compile the send path while the clock is not running.
  log(`warm-up: ${options.rate}/s for ${WARM_UP_SECONDS} s, not counted`);
  await runLoad({ origin: a.url, pairs, rate: options.rate, seconds: WARM_UP_SECONDS, deliveries, tag: "warm-up" });
  await sleep(2_000);
  // The fixed rate first; then up from it while held, or (when it was not) up from the lowest rate below it.
  const fixedHeld = await run(options.rate, "fixed rate");
  let highestRate: number | null = fixedHeld ? options.rate : null;
  for (const rate of options.searchRates.filter((r) => (fixedHeld ? r > options.rate : r < options.rate))) {
    if (!(await run(rate, "rate search"))) break;
    highestRate = rate;
  }
  for (const count of options.memoryStreams.filter((n) => n > options.streams)) await measureOpening(count);
  return { members: ids.length, streams: options.streams, phases, highestRate, memory, busy, resyncs: deliveries.resyncs };
}
