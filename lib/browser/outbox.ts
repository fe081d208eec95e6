import type { MessageType } from "@/lib/messaging/message-types";
import type { MessageJson } from "@/lib/messaging/wire";

/** One of our messages on its way; `idempotencyKey` is its client_id, the same on every attempt. */
export type OutgoingMessage = { partnerId: number; idempotencyKey: string; content: string; messageType: MessageType };

/** How a send failed: the HTTP status (0 when the server was not reached), the server's sentence, its Retry-After. */
export type SendFailure = { status: number; sentence: string; retryAfterSeconds?: number };

/**
 * What a failure means for the waiting messages: wait for the connection
 * (network, server error), wait out the rate limit, or give this one up (the
 * server refused it for good: asking again would get the same answer).
 */
export type NextStep = { kind: "wait-for-connection" } | { kind: "wait"; ms: number } | { kind: "refused" };

const RATE_LIMIT_FALLBACK_S = 5;

export function nextStepAfter({ status, retryAfterSeconds }: SendFailure): NextStep {
  if (status === 429) return { kind: "wait", ms: (retryAfterSeconds ?? RATE_LIMIT_FALLBACK_S) * 1000 };
  if (status === 0 || status >= 500) return { kind: "wait-for-connection" };
  return { kind: "refused" };
}

export type OutboxEvents = {
  post(message: OutgoingMessage): Promise<MessageJson>;
  /** Whether an attempt can reach anything (navigator.onLine): offline, messages wait as "sending". */
  online(): boolean;
  sending(message: OutgoingMessage): void;
  sent(message: OutgoingMessage, stored: MessageJson): void;
  /** Not delivered yet, still queued: goes out by itself when the connection returns. */
  waiting(message: OutgoingMessage): void;
  /** Refused for good: out of the queue; only the member's Retry sends it again. */
  refused(message: OutgoingMessage, sentence: string): void;
  failed(failure: SendFailure): void;
  later(resume: () => void, ms: number): () => void;
};

export type Outbox = {
  /** Queues a message (again, on a retry: same client_id, same place if still queued) and sends what waits. */
  send(message: OutgoingMessage): void;
  /** The connection is back (or a rate limit passed): send what waits, oldest first. */
  resume(): void;
};

/**
 * Our messages go out one at a time, in the order written: a message never
 * overtakes one still waiting, so the partner reads them as they were sent.
 */
export function createOutbox(on: OutboxEvents, failureOf: (error: unknown) => SendFailure): Outbox {
  const queue: OutgoingMessage[] = [];
  let draining = false;
  let cancelTimer: (() => void) | undefined;

  async function drain() {
    if (draining || !on.online()) return;
    draining = true;
    cancelTimer?.();
    cancelTimer = undefined;
    try {
      while (queue.length > 0) {
        const head = queue[0]!;
        on.sending(head);
        try {
          const stored = await on.post(head);
          queue.shift();
          on.sent(head, stored);
        } catch (error) {
          const failure = failureOf(error);
          on.failed(failure);
          const step = nextStepAfter(failure);
          if (step.kind === "refused") {
            queue.shift();
            on.refused(head, failure.sentence);
            continue;
          }
          if (step.kind === "wait") cancelTimer = on.later(() => void drain(), step.ms);
          else queue.forEach(on.waiting);
          return;
        }
      }
    } finally {
      draining = false;
    }
  }

  return {
    send(message) {
      if (!queue.some((m) => m.idempotencyKey === message.idempotencyKey)) queue.push(message);
      void drain();
    },
    resume: () => void drain(),
  };
}
