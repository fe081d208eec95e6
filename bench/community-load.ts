import http from "node:http";
import type { BenchSession } from "./sessions";
import type { SseEvent } from "./sse-client";
import { percentile, round } from "./stats";
import { FIRST_NAMES, LAST_NAMES } from "./vocabulary";

export type Action = "inbox" | "conversation" | "older page" | "typing" | "send" | "search" | "mark read";

/**
 * What every member does each minute, in this order, one action every 60/9 s
 * (member i starts its minute at i/N of it, so the whole community's requests
 * are spread evenly): 9 requests a minute. Two sends a minute stay far under
 * the send limit (30 per 10 s) and two typing signals 30 s apart under the
 * typing limit (one per partner per 2 s), so no answer should be a 429.
 */
export const MINUTE: Action[] = ["inbox", "conversation", "older page", "typing", "send", "search", "mark read", "typing", "send"];

export const MIX_TEXT = "per member per minute: open the inbox (GET conversations/) ×1, open the conversation with the next member "
  + "(GET messages/<id>/, newest 50) ×1, page it (GET messages/<id>/?before=<oldest shown>) ×1, typing to them (POST typing/) ×2, "
  + "send to them (POST send/) ×2, search a member by a name fragment (GET search-users/?q=) ×1, mark the previous member's "
  + "conversation read (POST mark-conversation-read/<id>/) ×1: 9 requests, one every 6.7 s, members' minutes evenly staggered";

/** Answers other than these count as errors. */
const EXPECTED: Record<Action, number> = {
  inbox: 200, conversation: 200, "older page": 200, typing: 202, send: 201, search: 200, "mark read": 200,
};

/** A request that has not answered after this long is counted as an error ("timeout") and abandoned. */
const REQUEST_TIMEOUT_MS = 30_000;
const DRAIN_MS = 15_000;

const SEARCH_TERMS = [...FIRST_NAMES, ...LAST_NAMES].map((name) => name.slice(0, 4).toLowerCase());

export type Member = { index: number; session: BenchSession; partnerId: number; previousId: number };

export type ActionRow = { action: Action; count: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number; errors: number; statuses: string };

export type DeliveryCheck = {
  /** Messages answered 201 in the step. */
  messages: number;
  /** Each must arrive once on the receiver's stream and once on the sender's (SPEC: sent or received). */
  expected: number;
  lost: number;
  duplicated: number;
  /** Send scheduled → the `message` event on the receiver's stream. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
};

type Arrival = { count: number; first: number };

/** `message` events by the stream's member and message id; other events counted by type. */
export class StreamLog {
  private arrivals = new Map<string, Arrival>();
  readonly eventCounts = new Map<string, number>();

  record(memberId: number, event: SseEvent) {
    this.eventCounts.set(event.event, (this.eventCounts.get(event.event) ?? 0) + 1);
    if (event.event !== "message" || event.id === undefined) return;
    const key = `${memberId}:${event.id}`;
    const seen = this.arrivals.get(key);
    if (seen) seen.count++;
    else this.arrivals.set(key, { count: 1, first: event.receivedAt });
  }

  arrival(memberId: number, messageId: number): Arrival | undefined {
    return this.arrivals.get(`${memberId}:${messageId}`);
  }

  reset() {
    this.arrivals.clear();
    this.eventCounts.clear();
  }
}

type Answer = { status: number | string; text: string };

function request(agent: http.Agent, origin: string, method: "GET" | "POST", path: string, session: BenchSession, body?: unknown): Promise<Answer> {
  const payload = body === undefined ? "" : JSON.stringify(body);
  const headers: http.OutgoingHttpHeaders = { cookie: session.cookie };
  if (method === "POST") {
    Object.assign(headers, { "content-type": "application/json", "content-length": Buffer.byteLength(payload), "x-csrftoken": session.csrf, origin });
  }
  return new Promise((resolve) => {
    const req = http.request(`${origin}${path}`, { method, agent, headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      res.on("error", () => resolve({ status: "error", text }));
    });
    req.on("timeout", () => {
      req.destroy();
      resolve({ status: "timeout", text: "" });
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve({ status: error.code ?? "error", text: "" }));
    req.end(payload);
  });
}

function parsed<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

type Sent = { id: number; senderId: number; receiverId: number; scheduledAt: number };

/** All actions of one 10 s window of the step (by scheduled time): shows whether slow answers were spread or bunched. */
export type LoadWindow = { fromSecond: number; requests: number; p50Ms: number; p99Ms: number };

export type LoadOutcome = {
  actions: ActionRow[];
  delivery: DeliveryCheck;
  requestsPerSecond: number;
  scheduleLagP99Ms: number;
  windows: LoadWindow[];
};

const WINDOW_SECONDS = 10;

/**
 * Runs the minute of every member for `seconds`, open loop: each request
 * starts on its schedule whether or not earlier ones answered, and its
 * latency counts from the scheduled time (so waiting in any queue counts).
 */
export async function runCommunityLoad(options: {
  origin: string;
  members: Member[];
  seconds: number;
  /** Member i's `before` for the older page until a newest page of theirs answered. */
  olderPageBefore: (member: Member) => number | undefined;
  streams: StreamLog;
  agent: http.Agent;
}): Promise<LoadOutcome> {
  const { origin, members, seconds, streams, agent } = options;
  const slot = 60 / MINUTE.length;
  const schedule: { at: number; member: Member; action: Action }[] = [];
  for (const member of members) {
    const phase = (member.index / members.length) * 60;
    // From the minute before the step, so that every member is already mid-minute at time 0 (an even rate from the start).
    for (let minute = -1; minute * 60 < seconds; minute++) {
      MINUTE.forEach((action, k) => {
        const at = phase + k * slot + minute * 60;
        if (at >= 0 && at < seconds) schedule.push({ at: at * 1000, member, action });
      });
    }
  }
  schedule.sort((a, b) => a.at - b.at);

  const latencies = new Map<Action, number[]>(MINUTE.map((a) => [a, []]));
  const statuses = new Map<Action, Map<string, number>>(MINUTE.map((a) => [a, new Map()]));
  const oldestShown = new Map<number, number>();
  const sent: Sent[] = [];
  const lags: number[] = [];
  const byWindow: number[][] = Array.from({ length: Math.ceil(seconds / WINDOW_SECONDS) }, () => []);
  const inFlight = new Set<Promise<void>>();
  let typed = 0;

  const perform = async (member: Member, action: Action, scheduledAt: number) => {
    const { session, partnerId } = member;
    let answer: Answer;
    switch (action) {
      case "inbox":
        answer = await request(agent, origin, "GET", "/messaging/api/conversations/", session);
        break;
      case "conversation":
        answer = await request(agent, origin, "GET", `/messaging/api/messages/${partnerId}/`, session);
        if (answer.status === 200) {
          const oldest = parsed<{ messages?: { id: number }[] }>(answer.text)?.messages?.[0];
          if (oldest) oldestShown.set(member.index, oldest.id);
        }
        break;
      case "older page": {
        const before = oldestShown.get(member.index) ?? options.olderPageBefore(member);
        answer = await request(agent, origin, "GET", `/messaging/api/messages/${partnerId}/${before ? `?before=${before}` : ""}`, session);
        break;
      }
      case "typing":
        answer = await request(agent, origin, "POST", "/messaging/api/typing/", session, { receiver_id: partnerId, typing: true });
        break;
      case "send": {
        answer = await request(agent, origin, "POST", "/messaging/api/send/", session, {
          receiver_id: partnerId, content: `Community bench: member ${member.index}, ${typed++}`, message_type: "general",
        });
        const id = answer.status === 201 ? parsed<{ message?: { id: number } }>(answer.text)?.message?.id : undefined;
        if (id !== undefined) sent.push({ id, senderId: session.userId, receiverId: partnerId, scheduledAt });
        else if (answer.status === 201) answer = { status: "201 without a message id", text: answer.text };
        break;
      }
      case "search": {
        const q = SEARCH_TERMS[(member.index * 7 + Math.floor(scheduledAt / 1000)) % SEARCH_TERMS.length]!;
        answer = await request(agent, origin, "GET", `/messaging/api/search-users/?q=${encodeURIComponent(q)}`, session);
        break;
      }
      case "mark read":
        answer = await request(agent, origin, "POST", `/messaging/api/mark-conversation-read/${member.previousId}/`, session);
        break;
    }
    const latency = performance.now() - scheduledAt;
    latencies.get(action)!.push(latency);
    byWindow[Math.floor((scheduledAt - begin) / 1000 / WINDOW_SECONDS)]?.push(latency);
    const status = String(answer.status);
    statuses.get(action)!.set(status, (statuses.get(action)!.get(status) ?? 0) + 1);
  };

  const begin = performance.now();
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const now = performance.now() - begin;
      while (next < schedule.length && schedule[next]!.at <= now) {
        const { member, action, at } = schedule[next++]!;
        lags.push(now - at);
        const done = perform(member, action, begin + at);
        inFlight.add(done);
        void done.then(() => inFlight.delete(done));
      }
      if (next >= schedule.length && now >= seconds * 1000) {
        clearInterval(tick);
        resolve();
      }
    }, 2);
  });
  while (inFlight.size > 0) await Promise.all([...inFlight]);

  const expected = (s: Sent) => [s.receiverId, s.senderId];
  const missing = () => sent.some((s) => expected(s).some((memberId) => !streams.arrival(memberId, s.id)));
  const deadline = performance.now() + DRAIN_MS;
  while (missing() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));

  return {
    actions: MINUTE.filter((a, i) => MINUTE.indexOf(a) === i).map((action) => actionRow(action, latencies.get(action)!, statuses.get(action)!)),
    delivery: checkDeliveries(sent, streams),
    requestsPerSecond: round(schedule.length / seconds, 1),
    scheduleLagP99Ms: lags.length ? round(percentile(lags.sort((a, b) => a - b), 99), 1) : 0,
    windows: byWindow.map((samples, i) => {
      samples.sort((a, b) => a - b);
      const at = (p: number) => (samples.length ? round(percentile(samples, p), 1) : NaN);
      return { fromSecond: i * WINDOW_SECONDS, requests: samples.length, p50Ms: at(50), p99Ms: at(99) };
    }),
  };
}

function actionRow(action: Action, samples: number[], statuses: Map<string, number>): ActionRow {
  samples.sort((a, b) => a - b);
  const at = (p: number) => (samples.length ? round(percentile(samples, p), 1) : NaN);
  const errors = [...statuses].filter(([status]) => status !== String(EXPECTED[action]));
  return {
    action,
    count: samples.length,
    p50Ms: at(50),
    p95Ms: at(95),
    p99Ms: at(99),
    maxMs: samples.length ? round(samples.at(-1)!, 1) : NaN,
    errors: errors.reduce((sum, [, n]) => sum + n, 0),
    statuses: errors.map(([status, n]) => `${status}×${n}`).join(" "),
  };
}

/** Every 201 must have reached the receiver's stream and the sender's stream exactly once. */
function checkDeliveries(sent: Sent[], streams: StreamLog): DeliveryCheck {
  let lost = 0;
  let duplicated = 0;
  const latencies: number[] = [];
  for (const s of sent) {
    for (const memberId of [s.receiverId, s.senderId]) {
      const arrival = streams.arrival(memberId, s.id);
      if (!arrival) lost++;
      else if (arrival.count > 1) duplicated++;
    }
    const received = streams.arrival(s.receiverId, s.id);
    if (received) latencies.push(received.first - s.scheduledAt);
  }
  latencies.sort((a, b) => a - b);
  const at = (p: number) => (latencies.length ? round(percentile(latencies, p), 1) : NaN);
  return { messages: sent.length, expected: sent.length * 2, lost, duplicated, p50Ms: at(50), p99Ms: at(99), maxMs: latencies.length ? round(latencies.at(-1)!, 1) : NaN };
}
