import http from "node:http";
import path from "node:path";
import { readFileSync } from "node:fs";
import { prepareCommunity, pairKey, type CommunityDatabase } from "./community-data";
import { MIX_TEXT, runCommunityLoad, StreamLog, type ActionRow, type DeliveryCheck, type LoadWindow, type Member } from "./community-load";
import { sampleResources, type StepResources } from "./resources";
import { startServer, type RunningServer } from "./server";
import { openSse, type SseStream } from "./sse-client";
import { round } from "./stats";

export type CommunityOptions = {
  /** Community sizes tried in turn (each member holds a stream), ascending; stops at the first that is not held. */
  members: number[];
  /** How long each step runs its load. */
  seconds: number;
  port: number;
};

export type CommunityStep = {
  members: number;
  seconds: number;
  /** Requests the schedule started per second (open loop: what was asked, answered or not). */
  requestsPerSecond: number;
  /** How late the generator started requests (p99): a busy generator shows here, and its lateness counts in the latencies. */
  scheduleLagP99Ms: number;
  actions: ActionRow[];
  /** Every action together by 10 s window (absent in runs saved before they were kept). */
  windows?: LoadWindow[];
  delivery: DeliveryCheck;
  /** Streams the server ended during the step (each one is a member who stopped hearing). */
  streamsDropped: number;
  /** Events of each type seen on all streams during the step. */
  events: Record<string, number>;
  /** Opening this step's new streams, then waiting until a probe answered quickly again (presence announcements). */
  openSeconds: number;
  settleSeconds: number;
  resources: StepResources;
  held: boolean;
  /** Why the step was not held, in words. */
  missed: string[];
};

export type CommunityResults = {
  database: "PostgreSQL" | "PGlite";
  mix: string;
  seconds: number;
  /** The load generator's keep-alive connections for requests (streams hold one socket each besides). */
  agentSockets: number;
  steps: CommunityStep[];
  /** The largest community held for a whole step: every action's p99 ≤ 1 s, no error, nothing lost or doubled. */
  largestHeld: number | null;
};

const P99_LIMIT_MS = 1_000;
const AGENT_SOCKETS = 512;
/** Idle connections are closed before the server's keep-alive timeout (5 s), which would otherwise race a reuse (ECONNRESET). */
const IDLE_SOCKET_MS = 3_000;
const OPEN_CONCURRENCY = 50;
const WARM_UP_MEMBERS = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function openFilesLimit(): number {
  const line = readFileSync("/proc/self/limits", "utf8").split("\n").find((l) => l.startsWith("Max open files"));
  return Number(line?.split(/\s{2,}/)[1] ?? Infinity);
}

/** The first `count` members, each talking to the next one and hearing from the previous one (a ring). */
function ring(db: CommunityDatabase, count: number): Member[] {
  return db.sessions.slice(0, count).map((session, index) => ({
    index,
    session,
    partnerId: db.sessions[(index + 1) % count]!.userId,
    previousId: db.sessions[(index - 1 + count) % count]!.userId,
  }));
}

/** Waits until the server answers a light request within 200 ms three times running (at most 180 s). */
async function settle(server: RunningServer, member: Member): Promise<number> {
  const begin = performance.now();
  let quick = 0;
  while (quick < 3 && performance.now() - begin < 180_000) {
    const started = performance.now();
    await fetch(`${server.url}/messaging/api/unread-count/`, { headers: { cookie: member.session.cookie } }).then((r) => r.arrayBuffer(), () => {});
    quick = performance.now() - started < 200 ? quick + 1 : 0;
    await sleep(500);
  }
  return round((performance.now() - begin) / 1000, 1);
}

function judge(step: Omit<CommunityStep, "held" | "missed">): string[] {
  const missed: string[] = [];
  for (const a of step.actions) {
    if (a.p99Ms > P99_LIMIT_MS) missed.push(`${a.action} p99 ${a.p99Ms} ms`);
    if (a.errors > 0) missed.push(`${a.action} errors ${a.statuses}`);
  }
  const d = step.delivery;
  if (d.p99Ms > P99_LIMIT_MS) missed.push(`delivery p99 ${d.p99Ms} ms`);
  if (d.lost > 0) missed.push(`${d.lost} deliveries lost`);
  if (d.duplicated > 0) missed.push(`${d.duplicated} deliveries doubled`);
  if (step.streamsDropped > 0) missed.push(`${step.streamsDropped} streams dropped`);
  return missed;
}

/**
 * The load model of issue 14 item 4: one `next start` on a fresh database,
 * N members each with an open event stream doing the minute of MINUTE,
 * N rising step by step until a step misses p99 ≤ 1 s, errs, or loses a message.
 */
export async function benchCommunity(serverUrl: string | undefined, options: CommunityOptions, log: (line: string) => void): Promise<CommunityResults> {
  const steps = [...options.members].sort((a, b) => a - b);
  const largest = steps.at(-1)!;
  const limit = openFilesLimit();
  if (limit < largest * 2 + AGENT_SOCKETS * 2 + 1_000) {
    throw new Error(`${largest.toLocaleString()} streams need more open files than the limit of ${limit}: run \`ulimit -n ${largest * 2 + 4_000}\` first.`);
  }
  const db = await prepareCommunity(serverUrl, largest, steps, log);
  const streams = new StreamLog();
  const open: SseStream[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: AGENT_SOCKETS, timeout: IDLE_SOCKET_MS });
  let closing = false;
  let dropped = 0;
  try {
    const logFile = path.join("bench", "results", "community-server.tmp");
    log(`next start on port ${options.port} (${db.kind}; server log in ${logFile})`);
    const server = await startServer(
      { ...db.env, NEXTAUTH_SECRET: db.secret, NEXTAUTH_URL: `http://127.0.0.1:${options.port}` },
      options.port,
      logFile,
    );
    const openUpTo = async (count: number) => {
      const members = db.sessions.slice(open.length, count);
      let next = 0;
      const worker = async () => {
        while (next < members.length) {
          const session = members[next++]!;
          const stream = openSse(`${server.url}/messaging/api/events/`, { cookie: session.cookie }, (e) => streams.record(session.userId, e));
          open.push(stream);
          void stream.ended.then(() => void (closing || dropped++));
          await stream.opened;
        }
      };
      await Promise.all(Array.from({ length: OPEN_CONCURRENCY }, worker));
    };
    const olderPageBefore = (m: Member) => db.olderPageBefore.get(pairKey(m.session.userId, m.partnerId));
    try {
      const warm = Math.min(WARM_UP_MEMBERS, steps[0]!);
      log(`warming up: ${warm} members for 5 s`);
      await openUpTo(warm);
      await runCommunityLoad({ origin: server.url, members: ring(db, warm), seconds: 5, olderPageBefore, streams, agent });

      const results: CommunityStep[] = [];
      for (const count of steps) {
        const members = ring(db, count);
        const opening = performance.now();
        log(`${count.toLocaleString()} members: opening ${(count - open.length).toLocaleString()} more streams`);
        await openUpTo(count);
        const openSeconds = round((performance.now() - opening) / 1000, 1);
        const settleSeconds = await settle(server, members[0]!);
        log(`  streams open in ${openSeconds} s, server quiet ${settleSeconds} s later; running the mix for ${options.seconds} s`);
        streams.reset();
        dropped = 0;
        const sampler = sampleResources(server.group, serverUrl && db.name ? { serverUrl, name: db.name } : undefined);
        const outcome = await runCommunityLoad({ origin: server.url, members, seconds: options.seconds, olderPageBefore, streams, agent });
        const resources = await sampler.stop();
        const step = {
          members: count, seconds: options.seconds, ...outcome, streamsDropped: dropped,
          events: Object.fromEntries(streams.eventCounts), openSeconds, settleSeconds, resources,
        };
        const missed = judge(step);
        results.push({ ...step, held: missed.length === 0, missed });
        log(`  ${outcome.requestsPerSecond} req/s; ${outcome.actions.map((a) => `${a.action} ${a.p50Ms}/${a.p99Ms}`).join(", ")} ms (p50/p99); `
          + `delivery ${outcome.delivery.p50Ms}/${outcome.delivery.p99Ms} ms, lost ${outcome.delivery.lost}, doubled ${outcome.delivery.duplicated}; `
          + `server ${resources.server.cpuPercent} % CPU ${resources.server.rssPeakMb} MB, `
          + `${resources.postgres ? `PostgreSQL ${resources.postgres.cpuPercent} % CPU, ` : ""}generator ${resources.generatorCpuPercent} % CPU, machine ${resources.machineBusyPercent} % busy; `
          + `load ${resources.loadBefore} → ${resources.loadAfter}${missed.length ? `; NOT HELD: ${missed.join("; ")}` : ""}`);
        if (missed.length) break;
        await sleep(3_000);
      }
      const held = results.filter((s) => s.held).map((s) => s.members);
      return { database: db.kind, mix: MIX_TEXT, seconds: options.seconds, agentSockets: AGENT_SOCKETS, steps: results, largestHeld: held.length ? Math.max(...held) : null };
    } finally {
      closing = true;
      open.forEach((s) => s.close());
      agent.destroy();
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}
