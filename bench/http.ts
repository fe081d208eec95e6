import { randomBytes } from "node:crypto";
import autocannon, { type Request } from "autocannon";
import type { DatabaseHandle } from "@/db/connection";
import type { BenchCopy } from "./database";
import type { Dataset } from "./generate";
import { freePort, startServer } from "./server";
import { mintSessions as mintSessionsFor } from "./sessions";
import { round } from "./stats";
import { findConversingMembers } from "./subjects";

export type HttpRow = {
  size: string;
  endpoint: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  /** Non-2xx answers by status, e.g. "429×12" (a send limit reached counts as an error). */
  statuses: string;
  ratioToBare: number;
};

type Session = { cookie: string; csrf: string; partnerId: number; lastMessageId: number };
type Endpoint = { name: string; request: (s: Session) => Request };

const ENDPOINTS: Endpoint[] = [
  {
    name: "POST /messaging/api/send/",
    request: (s) => ({
      method: "POST",
      path: "/messaging/api/send/",
      headers: { "content-type": "application/json", "x-csrftoken": s.csrf },
      body: JSON.stringify({ receiver_id: s.partnerId, content: "Benchmark hello", message_type: "general" }),
    }),
  },
  { name: "GET messages/<id>/ (newest 50)", request: (s) => ({ method: "GET", path: `/messaging/api/messages/${s.partnerId}/` }) },
  {
    name: "GET messages/<id>/?after= (poll)",
    request: (s) => ({ method: "GET", path: `/messaging/api/messages/${s.partnerId}/?after=${s.lastMessageId}` }),
  },
  { name: "GET /messaging/api/unread-count/", request: () => ({ method: "GET", path: "/messaging/api/unread-count/" }) },
];
const BARE: Endpoint = { name: "GET /api/health/ (bare route)", request: () => ({ method: "GET", path: "/api/health/" }) };

/** A throwaway copy of the bench data for the server to write into: sends must not change the data set. */
/** Signed-in browsers of many members (minted next-auth JWT cookies), so no one meets the send limit. */
async function mintSessions(handle: DatabaseHandle, dataset: Dataset, count: number, secret: string): Promise<Session[]> {
  const members = await findConversingMembers(handle.db, dataset, count);
  const minted = await mintSessionsFor(handle.db, members.map((m) => m.userId), secret);
  return members.map((m, i) => ({ cookie: minted[i]!.cookie, csrf: minted[i]!.csrf, ...m }));
}

async function load(url: string, endpoint: Endpoint, sessions: Session[], duration: number) {
  let turn = 0;
  const { origin, host } = new URL(url);
  const setupRequest = (): Request => {
    const session = sessions[turn++ % sessions.length]!;
    const req = endpoint.request(session);
    // Headers set here replace autocannon's, Host included: the CSRF check compares Origin with it.
    return { ...req, headers: { ...req.headers, host, cookie: session.cookie, origin } };
  };
  return autocannon({ url, connections: 20, duration, timeout: 10, requests: [{ setupRequest }] });
}

async function warmUp(url: string, endpoint: Endpoint, sessions: Session[]) {
  const { origin, host } = new URL(url);
  for (const session of sessions.slice(0, 10)) {
    const { method, path: route, headers, body } = endpoint.request(session);
    const res = await fetch(`${url}${route}`, { method, body, headers: { ...headers, host, origin, cookie: session.cookie } });
    if (!res.ok) throw new Error(`Warm-up ${endpoint.name} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  }
}

/**
 * The API under `next start` at 20 connections, each endpoint against the bare route
 * in the same run (measured first and last; the ratio uses their mean).
 */
export async function benchHttp(
  copy: BenchCopy,
  dataset: Dataset,
  options: { duration: number; sessions: number; hotPaths: boolean },
): Promise<HttpRow[]> {
  const secret = randomBytes(32).toString("base64url");
  const handle = await copy.open();
  const sessions = await mintSessions(handle, dataset, options.sessions, secret).finally(() => handle.close());
  {
    const port = await freePort();
    const server = await startServer(
      { ...copy.env, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: `http://127.0.0.1:${port}`, HOT_PATHS: options.hotPaths ? "on" : "off" },
      port,
    );
    // The hot paths (hot-paths.ts) serve send and conversation pages outside Next; off, Next serves everything.
    const through = options.hotPaths ? "" : " [all through Next]";
    try {
      const plan = [BARE, ...ENDPOINTS, BARE];
      // Warm-up: the first requests of a route load its code; then a short load of each.
      for (const endpoint of plan) await warmUp(server.url, endpoint, sessions);
      for (const endpoint of plan) await load(server.url, endpoint, sessions, Math.max(2, Math.round(options.duration / 4)));
      const results = [];
      for (const endpoint of plan) results.push({ endpoint, result: await load(server.url, endpoint, sessions, options.duration) });
      const bareRuns = results.filter((r) => r.endpoint === BARE).map((r) => r.result.requests.average);
      const bare = bareRuns.reduce((a, b) => a + b, 0) / bareRuns.length;
      return results.map(({ endpoint, result }, i) => ({
        size: dataset.size,
        endpoint: (endpoint === BARE ? `${endpoint.name}${i === 0 ? ", first" : ", last"}` : endpoint.name) + through,
        reqPerSec: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        requests: result.requests.total,
        errors: result.errors + result.non2xx,
        statuses: Object.entries(result.statusCodeStats)
          .filter(([code]) => !code.startsWith("2"))
          .map(([code, { count }]) => `${code}×${count}`)
          .join(" "),
        ratioToBare: round(result.requests.average / bare),
      }));
    } finally {
      await server.stop();
    }
  }
}
