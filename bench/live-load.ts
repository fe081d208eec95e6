import http from "node:http";
import type { SseEvent } from "./sse-client";
import type { BenchSession } from "./sessions";
import { percentile, round } from "./stats";

/** Every `message` event seen on any stream, by message id: when each copy arrived. */
export class Deliveries {
  readonly arrivals = new Map<number, number[]>();
  resyncs = 0;

  record(event: SseEvent) {
    if (event.event === "resync") this.resyncs++;
    if (event.event !== "message" || event.id === undefined) return;
    const id = Number(event.id);
    const seen = this.arrivals.get(id);
    if (seen) seen.push(event.receivedAt);
    else this.arrivals.set(id, [event.receivedAt]);
  }
}

export type LoadResult = {
  targetRate: number;
  seconds: number;
  /** Sends started per second, as achieved by the client. */
  sentRate: number;
  sent: number;
  /** Answers other than 201, by status ("error" for a failed connection), e.g. "429×3". */
  sendErrors: string;
  /** Send start → HTTP answer, for every send. */
  sendP50Ms: number;
  sendP99Ms: number;
  delivered: number;
  lost: number;
  duplicated: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
};

export type Pair = { sender: BenchSession; receiverId: number };

/** How long the delivery of the last messages is waited for after the last send answered. */
const DRAIN_MS = 10_000;

/**
 * Sends at a fixed rate (open loop: a send starts on schedule whether or not
 * earlier ones answered) through `sendUrl`, one pair after another, and times
 * each send's start to its `message` event on the receiver's stream.
 */
export async function runLoad(options: {
  origin: string;
  pairs: Pair[];
  rate: number;
  seconds: number;
  deliveries: Deliveries;
  tag: string;
}): Promise<LoadResult> {
  const { origin, pairs, rate, seconds, deliveries, tag } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const started = new Map<number, number>();
  const answered: number[] = [];
  const errors = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  const fail = (status: string) => errors.set(status, (errors.get(status) ?? 0) + 1);

  const send = (pair: Pair, n: number) => {
    const body = JSON.stringify({ receiver_id: pair.receiverId, content: `Live bench ${tag} #${n}`, message_type: "general" });
    const start = performance.now();
    const done = new Promise<void>((resolve) => {
      const req = http.request(`${origin}/messaging/api/send/`, {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          cookie: pair.sender.cookie,
          "x-csrftoken": pair.sender.csrf,
          origin,
        },
      }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          answered.push(performance.now() - start);
          if (res.statusCode === 201) started.set((JSON.parse(text) as { message: { id: number } }).message.id, start);
          else fail(String(res.statusCode));
          resolve();
        });
      });
      req.on("error", (error: NodeJS.ErrnoException) => {
        fail(error.code ?? "error");
        resolve();
      });
      req.end(body);
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };

  const total = Math.round(rate * seconds);
  const begin = performance.now();
  let issued = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - begin) / 1000) * rate));
      while (issued < due) send(pairs[issued % pairs.length]!, issued++);
      if (issued >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 2);
  });
  const sendingSeconds = (performance.now() - begin) / 1000;
  while (inFlight.size > 0) await Promise.all([...inFlight]);
  agent.destroy();

  const deadline = performance.now() + DRAIN_MS;
  const missing = () => [...started.keys()].filter((id) => !deliveries.arrivals.has(id));
  while (missing().length > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));

  const latencies: number[] = [];
  let duplicated = 0;
  for (const [id, start] of started) {
    const arrivals = deliveries.arrivals.get(id);
    if (!arrivals) continue;
    latencies.push(arrivals[0]! - start);
    if (arrivals.length > 1) duplicated++;
  }
  latencies.sort((a, b) => a - b);
  answered.sort((a, b) => a - b);
  const at = (p: number, samples = latencies) => (samples.length ? round(percentile(samples, p), 1) : NaN);
  return {
    targetRate: rate,
    seconds,
    sentRate: round(total / sendingSeconds, 1),
    sent: total,
    sendErrors: [...errors].map(([status, count]) => `${status}×${count}`).join(" "),
    sendP50Ms: at(50, answered),
    sendP99Ms: at(99, answered),
    delivered: latencies.length,
    lost: started.size - latencies.length,
    duplicated,
    p50Ms: at(50),
    p95Ms: at(95),
    p99Ms: at(99),
    maxMs: latencies.length ? round(latencies.at(-1)!, 1) : NaN,
  };
}
