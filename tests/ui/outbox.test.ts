import { describe, expect, it } from "vitest";
import { createOutbox, nextStepAfter, type OutgoingMessage, type SendFailure } from "@/lib/browser/outbox";
import type { MessageJson } from "@/lib/messaging/wire";

class Failed extends Error {
  constructor(readonly failure: SendFailure) {
    super(failure.sentence);
  }
}

const outgoing = (n: number): OutgoingMessage => ({ partnerId: 2, idempotencyKey: `c-${n}`, content: `m${n}`, messageType: "general" });

/** An outbox over a fake server: `answers` says how each attempt ends, in order (undefined: stored). */
function harness(answers: (SendFailure | undefined)[] = []) {
  const attempts: string[] = [];
  const log: string[] = [];
  const timers: { resume: () => void; ms: number }[] = [];
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
      waiting: (m) => log.push(`waiting ${m.idempotencyKey}`),
      refused: (m, sentence) => log.push(`refused ${m.idempotencyKey}: ${sentence}`),
      failed: () => {},
      later: (resume, ms) => {
        timers.push({ resume, ms });
        return () => {};
      },
    },
    (error) => (error as Failed).failure,
  );
  return { outbox, attempts, log, timers, goOffline: (off: boolean) => (online = !off) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const unreachable: SendFailure = { status: 0, sentence: "offline" };

describe("nextStepAfter", () => {
  it("waits for the connection after a network or server error", () => {
    expect(nextStepAfter({ status: 0, sentence: "" })).toEqual({ kind: "wait-for-connection" });
    expect(nextStepAfter({ status: 503, sentence: "" })).toEqual({ kind: "wait-for-connection" });
  });

  it("waits out a rate limit for as long as the server says", () => {
    expect(nextStepAfter({ status: 429, sentence: "", retryAfterSeconds: 7 })).toEqual({ kind: "wait", ms: 7000 });
    expect(nextStepAfter({ status: 429, sentence: "" })).toEqual({ kind: "wait", ms: 5000 });
  });

  it.each([400, 403, 404, 410])("gives up on a %i: the same request gets the same answer", (status) => {
    expect(nextStepAfter({ status, sentence: "" })).toEqual({ kind: "refused" });
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
    expect(log.slice(-2)).toEqual(["waiting c-1", "waiting c-2"]);

    outbox.resume();
    await settle();
    expect(attempts).toEqual(["c-1", "c-1", "c-1", "c-2"]);
    expect(log.filter((l) => l.startsWith("sent"))).toEqual(["sent c-1", "sent c-2"]);
    outbox.resume();
    await settle();
    expect(attempts).toHaveLength(4);
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
    const { outbox, attempts, timers } = harness([{ status: 429, sentence: "Slow down.", retryAfterSeconds: 3 }]);
    outbox.send(outgoing(1));
    outbox.send(outgoing(2));
    await settle();
    expect(timers.map((t) => t.ms)).toEqual([3000]);
    expect(attempts).toEqual(["c-1"]);
    timers[0]!.resume();
    await settle();
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
});
