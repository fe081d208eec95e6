import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AUTOMATIC_RETRIES,
  createOutbox,
  nextStepAfter,
  retryDelayMs,
  STOPPED_RETRYING,
  type OutgoingMessage,
  type SendFailure,
} from "@/lib/browser/outbox";
import type { MessageJson } from "@/lib/messaging/wire";

class Failed extends Error {
  constructor(readonly failure: SendFailure) {
    super(failure.sentence);
  }
}

const outgoing = (n: number): OutgoingMessage => ({ partnerId: 2, idempotencyKey: `c-${n}`, content: `m${n}`, messageType: "general" });

/**
 * An outbox over a fake server and vitest's fake clock: `answers` says how each
 * attempt ends, in order (undefined: stored). No jitter unless `random` says otherwise.
 */
function harness(answers: (SendFailure | undefined)[] = [], random = () => 0) {
  const attempts: string[] = [];
  const log: string[] = [];
  const told: string[] = [];
  const waits: number[] = [];
  let online = true;
  const outbox = createOutbox(
    {
      post: async (m) => {
        attempts.push(m.idempotencyKey);
        const answer = answers.shift();
        if (answer) throw new Failed(answer);
        return { id: attempts.length, client_id: m.idempotencyKey } as MessageJson;
      },
      online: () => online,
      sending: (m) => log.push(`sending ${m.idempotencyKey}`),
      sent: (m) => log.push(`sent ${m.idempotencyKey}`),
      waiting: (m, waitingFor) => log.push(`waiting ${m.idempotencyKey} for the ${waitingFor}`),
      stoppedRetrying: (m, sentence) => log.push(`stopped ${m.idempotencyKey}: ${sentence}`),
      refused: (m, sentence) => log.push(`refused ${m.idempotencyKey}: ${sentence}`),
      failed: ({ sentence }) => told.push(sentence),
      later: (resume, ms) => {
        waits.push(ms);
        const timer = setTimeout(resume, ms);
        return () => clearTimeout(timer);
      },
    },
    (error) => (error as Failed).failure,
    random,
  );
  return { outbox, attempts, log, told, waits, goOffline: (off: boolean) => (online = !off) };
}

/** Lets the fake server answer, without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);
const unreachable: SendFailure = { status: 0, sentence: "offline" };
const unavailable: SendFailure = { status: 503, sentence: "Something went wrong on our side." };

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("retryDelayMs", () => {
  it("doubles from 2 s and stops growing at 60 s", () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((retry) => retryDelayMs(retry, noJitter))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it("shortens each wait by up to half at random, never past the cap", () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(1_500);
    expect(retryDelayMs(3, () => 0.999)).toBeGreaterThanOrEqual(4_000);
    for (let i = 0; i < 200; i++) {
      const ms = retryDelayMs(10);
      expect(ms).toBeGreaterThan(30_000);
      expect(ms).toBeLessThanOrEqual(60_000);
    }
  });
});

describe("nextStepAfter", () => {
  it("retries a network or server error by itself after a backoff", () => {
    const noJitter = () => 0;
    expect(nextStepAfter({ status: 0, sentence: "" }, 0, noJitter)).toEqual({ kind: "retry", ms: 2_000 });
    expect(nextStepAfter({ status: 503, sentence: "" }, 2, noJitter)).toEqual({ kind: "retry", ms: 8_000 });
    expect(nextStepAfter({ status: 500, sentence: "" }, AUTOMATIC_RETRIES - 1, noJitter)).toEqual({ kind: "retry", ms: 60_000 });
  });

  it("stops retrying by itself after enough retries: the connection's return or the member's Retry sends it then", () => {
    expect(nextStepAfter({ status: 0, sentence: "" }, AUTOMATIC_RETRIES)).toEqual({ kind: "wait-for-connection" });
    expect(nextStepAfter({ status: 502, sentence: "" }, AUTOMATIC_RETRIES)).toEqual({ kind: "wait-for-connection" });
  });

  it("waits out a rate limit for as long as the server says", () => {
    expect(nextStepAfter({ status: 429, sentence: "", retryAfterSeconds: 7 }, 0)).toEqual({ kind: "wait", ms: 7000 });
    expect(nextStepAfter({ status: 429, sentence: "" }, 0)).toEqual({ kind: "wait", ms: 5000 });
  });

  it.each([400, 403, 404, 410])("gives up on a %i: the same request gets the same answer", (status) => {
    expect(nextStepAfter({ status, sentence: "" }, 0)).toEqual({ kind: "refused" });
  });
});

describe("createOutbox", () => {
  it("sends one at a time, in the order written", async () => {
    const { outbox, attempts } = harness();
    [1, 2, 3].forEach((n) => outbox.send(outgoing(n)));
    await settle();
    expect(attempts).toEqual(["c-1", "c-2", "c-3"]);
  });

  it("keeps everything behind an unreachable server, then sends it all in order, once each, when the connection returns", async () => {
    const { outbox, attempts, log } = harness([unreachable, unreachable]);
    outbox.send(outgoing(1));
    await settle();
    outbox.send(outgoing(2)); // tries the first again: the second never overtakes it
    await settle();
    expect(attempts).toEqual(["c-1", "c-1"]);
    expect(log.slice(-2)).toEqual(["waiting c-1 for the connection", "waiting c-2 for the connection"]);

    outbox.resume();
    await settle();
    expect(attempts).toEqual(["c-1", "c-1", "c-1", "c-2"]);
    expect(log.filter((l) => l.startsWith("sent"))).toEqual(["sent c-1", "sent c-2"]);
    outbox.resume();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(attempts).toHaveLength(4);
  });

  it("retries a server error by itself after 2 s, then 4 s, with the same client_id, and sends what waited behind it in order", async () => {
    const { outbox, attempts, log, told, waits } = harness([unavailable, unavailable]);
    outbox.send(outgoing(1));
    outbox.send(outgoing(2));
    await settle();
    expect(attempts).toEqual(["c-1"]);
    expect(log.slice(-2)).toEqual(["waiting c-1 for the server", "waiting c-2 for the server"]);

    await vi.advanceTimersByTimeAsync(1_999);
    expect(attempts).toEqual(["c-1"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toEqual(["c-1", "c-1"]);
    await vi.advanceTimersByTimeAsync(3_999);
    expect(attempts).toEqual(["c-1", "c-1"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toEqual(["c-1", "c-1", "c-1", "c-2"]);
    expect(waits).toEqual([2_000, 4_000]);
    expect(log.filter((l) => l.startsWith("sent"))).toEqual(["sent c-1", "sent c-2"]);
    // The member heard of the trouble once; the backoff's own failures are not told again.
    expect(told).toEqual([unavailable.sentence]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("jitters the waits", async () => {
    const { outbox, waits } = harness([unavailable, unavailable], () => 0.5);
    outbox.send(outgoing(1));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(waits).toEqual([1_500, 3_000]);
  });

  it("a Retry during the backoff sends at once and clears the timer", async () => {
    const { outbox, attempts } = harness([unavailable]);
    outbox.send(outgoing(1));
    await settle();
    expect(vi.getTimerCount()).toBe(1);
    outbox.send(outgoing(1));
    await settle();
    expect(attempts).toEqual(["c-1", "c-1"]);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(attempts).toEqual(["c-1", "c-1"]);
  });

  it("stops retrying by itself after six retries and says so; a returning connection tries once, the member's Retry starts over", async () => {
    const { outbox, attempts, log, waits } = harness(Array.from({ length: AUTOMATIC_RETRIES + 3 }, () => unavailable));
    outbox.send(outgoing(1));
    outbox.send(outgoing(2));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(attempts).toHaveLength(1 + AUTOMATIC_RETRIES);
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000]);
    expect(log.slice(-2)).toEqual([`stopped c-1: ${STOPPED_RETRYING}`, `stopped c-2: ${STOPPED_RETRYING}`]);
    expect(vi.getTimerCount()).toBe(0);

    outbox.resume();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(attempts).toHaveLength(2 + AUTOMATIC_RETRIES);

    outbox.send(outgoing(2)); // the member's Retry on the second: the first still goes first
    await settle();
    expect(attempts.slice(-1)).toEqual(["c-1"]);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(attempts.slice(-2)).toEqual(["c-1", "c-2"]);
    expect(log.filter((l) => l.startsWith("sent"))).toEqual(["sent c-1", "sent c-2"]);
  });

  it("a retry of a queued message keeps its place and its client_id", async () => {
    const { outbox, attempts } = harness([unreachable]);
    outbox.send(outgoing(1));
    outbox.send(outgoing(2));
    await settle();
    outbox.send(outgoing(2));
    await settle();
    expect(attempts).toEqual(["c-1", "c-1", "c-2"]);
  });

  it("drops a refused message from the queue for good and sends the next", async () => {
    const { outbox, attempts, log } = harness([{ status: 403, sentence: "You cannot message this member." }]);
    outbox.send(outgoing(1));
    outbox.send(outgoing(2));
    await settle();
    expect(log).toContain("refused c-1: You cannot message this member.");
    outbox.resume();
    await settle();
    expect(attempts).toEqual(["c-1", "c-2"]);
  });

  it("waits out a rate limit, then goes on by itself", async () => {
    const { outbox, attempts, waits } = harness([{ status: 429, sentence: "Slow down.", retryAfterSeconds: 3 }]);
    outbox.send(outgoing(1));
    outbox.send(outgoing(2));
    await settle();
    expect(waits).toEqual([3000]);
    expect(attempts).toEqual(["c-1"]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(attempts).toEqual(["c-1", "c-1", "c-2"]);
  });

  it("does not try while the browser is offline; messages wait as sending", async () => {
    const { outbox, attempts, goOffline } = harness();
    goOffline(true);
    outbox.send(outgoing(1));
    await settle();
    expect(attempts).toEqual([]);
    goOffline(false);
    outbox.resume();
    await settle();
    expect(attempts).toEqual(["c-1"]);
  });

  it("once closed (the member signed out), neither the timer, a returning connection nor a send posts anything", async () => {
    const { outbox, attempts, log } = harness([unavailable]);
    outbox.send(outgoing(1));
    await settle();
    outbox.close();
    expect(vi.getTimerCount()).toBe(0);
    outbox.resume();
    outbox.send(outgoing(2));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(attempts).toEqual(["c-1"]);
    expect(log.some((l) => l.startsWith("sent"))).toBe(false);
  });

  it("an answer that comes back after closing changes nothing and starts no timer", async () => {
    let answer!: (stored: MessageJson) => void;
    const log: string[] = [];
    const outbox = createOutbox(
      {
        post: () => new Promise((resolve) => (answer = resolve)),
        online: () => true,
        sending: () => {},
        sent: (m) => log.push(`sent ${m.idempotencyKey}`),
        waiting: () => {},
        stoppedRetrying: () => {},
        refused: () => {},
        failed: () => {},
        later: () => {
          throw new Error("no timer after closing");
        },
      },
      () => unavailable,
    );
    outbox.send(outgoing(1));
    outbox.close();
    answer({ id: 1, client_id: "c-1" } as MessageJson);
    await settle();
    expect(log).toEqual([]);
  });
});
