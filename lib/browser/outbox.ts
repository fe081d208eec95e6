import type { MessageType } from "@/lib/messaging/message-types";
import type { MessageJson } from "@/lib/messaging/wire";

/** One of our messages on its way; `idempotencyKey` is its client_id, the same on every attempt. */
export type OutgoingMessage = { partnerId: number; idempotencyKey: string; content: string; messageType: MessageType };

/** How a send failed: the HTTP status (0 when the server was not reached), the server's sentence, its Retry-After. */
export type SendFailure = { status: number; sentence: string; retryAfterSeconds?: number };

/** What a waiting message waits for, as its bubble says: the network, or a server that had a problem. */
export type WaitingFor = "connection" | "server";

/**
 * What a failure means for the waiting messages: try again by itself after a
 * backoff (network, server error), stop the clock and wait for the connection
 * or the member's Retry (tried enough by itself), wait out the rate limit, or
 * give this one up (the server refused it for good: asking again would get the same answer).
 */
export type NextStep =
  | { kind: "retry"; ms: number }
  | { kind: "wait-for-connection" }
  | { kind: "wait"; ms: number }
  | { kind: "refused" };

const RATE_LIMIT_FALLBACK_S = 5;
const FIRST_RETRY_MS = 2_000;
const LONGEST_RETRY_MS = 60_000;

/** Automatic retries after a server error or a network failure (one to two minutes of them); then only a returning connection or Retry. */
export const AUTOMATIC_RETRIES = 6;

/** On a message the server kept failing until the outbox stopped retrying it by itself. */
export const STOPPED_RETRYING = "The server kept failing, so it stopped trying by itself.";

/**
 * The wait before automatic retry number `retry` (1, 2, …): 2 s, 4 s, 8 s …
 * at most 60 s, each shortened by up to half at random, so that the browsers a
 * server error hit together do not all come back together.
 */
export function retryDelayMs(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (retry - 1));
  return Math.round(ceiling * (1 - random() / 2));
}

/** A server error or a network failure: the same request may well succeed a little later. */
const isTransient = ({ status }: SendFailure) => status === 0 || status >= 500;

const waitingFor = ({ status }: SendFailure): WaitingFor => (status === 0 ? "connection" : "server");

/** `retried`: how many automatic retries already failed in a row. */
export function nextStepAfter(failure: SendFailure, retried: number, random: () => number = Math.random): NextStep {
  if (failure.status === 429) return { kind: "wait", ms: (failure.retryAfterSeconds ?? RATE_LIMIT_FALLBACK_S) * 1000 };
  if (!isTransient(failure)) return { kind: "refused" };
  return retried < AUTOMATIC_RETRIES ? { kind: "retry", ms: retryDelayMs(retried + 1, random) } : { kind: "wait-for-connection" };
}

export type OutboxEvents = {
  post(message: OutgoingMessage): Promise<MessageJson>;
  /** Whether an attempt can reach anything (navigator.onLine): offline, messages wait as "sending". */
  online(): boolean;
  sending(message: OutgoingMessage): void;
  sent(message: OutgoingMessage, stored: MessageJson): void;
  /** Not delivered yet, still queued: goes out by itself (the backoff's retry, or the connection's return). */
  waiting(message: OutgoingMessage, waitingFor: WaitingFor): void;
  /** The server kept failing: still queued, but only a returning connection or the member's Retry sends it now. */
  stoppedRetrying(message: OutgoingMessage, sentence: string): void;
  /** Refused for good: out of the queue; only the member's Retry sends it again. */
  refused(message: OutgoingMessage, sentence: string): void;
  /** A failure the member should hear of (not each of the backoff's own retries). */
  failed(failure: SendFailure): void;
  later(resume: () => void, ms: number): () => void;
};

export type Outbox = {
  /** Queues a message (again, on a retry: same client_id, same place if still queued) and sends what waits, at once. */
  send(message: OutgoingMessage): void;
  /** The connection is back (or a rate limit passed): send what waits, oldest first. */
  resume(): void;
  /** The member's session ended: what waits is dropped, and no clock or returning connection sends anything. */
  close(): void;
};

/**
 * Our messages go out one at a time, in the order written: a message never
 * overtakes one still waiting, so the partner reads them as they were sent.
 * A server error or a network failure is retried by itself with a growing,
 * jittered backoff, always with the same client_id (the server stores it once);
 * the member's Retry, or a new message, sends at once and starts the backoff over.
 */
export function createOutbox(
  on: OutboxEvents,
  failureOf: (error: unknown) => SendFailure,
  random: () => number = Math.random,
): Outbox {
  const queue: OutgoingMessage[] = [];
  let draining = false;
  let closed = false;
  // Automatic retries of the oldest message that failed in a row; a send or a Retry starts again from 0.
  let retried = 0;
  let cancelTimer: (() => void) | undefined;

  const stopTimer = () => {
    cancelTimer?.();
    cancelTimer = undefined;
  };

  async function drain() {
    if (closed || draining || !on.online()) return;
    draining = true;
    stopTimer();
    try {
      while (queue.length > 0) {
        const head = queue[0]!;
        on.sending(head);
        try {
          const stored = await on.post(head);
          if (closed) return;
          queue.shift();
          retried = 0;
          on.sent(head, stored);
        } catch (error) {
          if (closed) return;
          const failure = failureOf(error);
          // The bubbles already say the messages wait: the backoff's own failed retries are not told again.
          if (!isTransient(failure) || retried === 0) on.failed(failure);
          const step = nextStepAfter(failure, retried, random);
          if (step.kind === "refused") {
            queue.shift();
            on.refused(head, failure.sentence);
            continue;
          }
          if (step.kind === "wait") {
            cancelTimer = on.later(() => void drain(), step.ms);
            return;
          }
          if (step.kind === "retry") {
            retried++;
            cancelTimer = on.later(() => void drain(), step.ms);
          }
          const why = waitingFor(failure);
          if (step.kind === "wait-for-connection" && why === "server") queue.forEach((m) => on.stoppedRetrying(m, STOPPED_RETRYING));
          else queue.forEach((m) => on.waiting(m, why));
          return;
        }
      }
    } finally {
      draining = false;
    }
  }

  return {
    send(message) {
      if (closed) return;
      if (!queue.some((m) => m.idempotencyKey === message.idempotencyKey)) queue.push(message);
      retried = 0;
      void drain();
    },
    resume: () => void drain(),
    close() {
      closed = true;
      queue.length = 0;
      stopTimer();
    },
  };
}
