import { messagesForMemberAfter } from "@/db/queries/messages";
import { onlinePartners } from "@/db/queries/presence";
import { NO_UNREAD, unreadCountsOf } from "@/db/queries/summaries";
import { getDb } from "@/db/connection";
import { toMessageJson } from "@/lib/messaging/wire";
import { formatEvent, isDroppable, type LiveEvent } from "./events";
import { subscribe, type Subscriber } from "./hub";
import { markSeenSoon } from "./presence";

const PING_MS = 20_000;
/** Streams end after 40-50 minutes; the browser reconnects by itself (and spreads the reconnections). */
const LIFETIME_MS = 40 * 60_000;
const LIFETIME_JITTER_MS = 10 * 60_000;
/** Missed messages sent on resume; more than this and the client is told to refetch instead. */
const CATCH_UP_LIMIT = 200;
/** Unread bytes queued for a reader: past the first, typing and presence are dropped; past the second, the stream ends. */
const SLOW_READER_BYTES = 64 * 1024;
const STUCK_READER_BYTES = 1024 * 1024;

export const EVENT_STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: nothing on the way may compress or buffer the stream.
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
};

const encoder = new TextEncoder();

/**
 * The member's events stream: subscribe first, then send from the database
 * every message after the cursor, then go live; messages already sent are
 * dropped by id, so the overlap between catch-up and live is harmless.
 */
export function openEventStream({ memberId, after, signal }: { memberId: number; after?: number; signal: AbortSignal }): Response {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let ready = false;
  let lastMessageId = after ?? 0;
  const early: LiveEvent[] = [];
  const timers: ReturnType<typeof setTimeout>[] = [];
  let unsubscribe = () => {};

  const cleanup = () => {
    if (closed) return;
    closed = true;
    timers.forEach(clearTimeout);
    unsubscribe();
    try {
      controller.close();
    } catch {
      // already closed by the reader going away
    }
  };

  const write = (event: LiveEvent) => {
    if (closed) return;
    if (event.event === "message") {
      if (event.id <= lastMessageId) return;
      lastMessageId = event.id;
    }
    const backlog = -(controller.desiredSize ?? 0);
    if (backlog > STUCK_READER_BYTES) return cleanup();
    if (backlog > SLOW_READER_BYTES && isDroppable(event)) return;
    controller.enqueue(encoder.encode(formatEvent(event)));
  };

  const subscriber: Subscriber = {
    memberId,
    deliver: (event) => (ready ? write(event) : early.push(event)),
    close: cleanup,
  };

  async function catchUp() {
    if (after !== undefined) {
      const missed = await messagesForMemberAfter(memberId, after, CATCH_UP_LIMIT + 1);
      if (missed.length > CATCH_UP_LIMIT) {
        lastMessageId = missed.at(-1)!.id;
        write({ event: "resync", data: {} });
      } else {
        for (const message of missed) write({ event: "message", id: message.id, data: toMessageJson(message) });
      }
    }
    const [partners, counts] = await Promise.all([onlinePartners(memberId), unreadCountsOf(await getDb(), [memberId])]);
    for (const p of partners) write({ event: "presence", data: { user_id: p.memberId, online: true, last_seen: p.lastSeen } });
    write({ event: "unread", data: counts.get(memberId) ?? NO_UNREAD });
  }

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        // The first chunk at once: the response's headers leave with it.
        c.enqueue(encoder.encode(`retry: ${1000 + Math.floor(Math.random() * 4000)}\n: connected\n\n`));
        const subscription = subscribe(subscriber);
        unsubscribe = subscription.unsubscribe;
        if (subscription.first) markSeenSoon(memberId);
        signal.addEventListener("abort", cleanup, { once: true });
        const ping = setInterval(() => write({ event: "ping", data: {} }), PING_MS);
        timers.push(ping, setTimeout(cleanup, LIFETIME_MS + Math.random() * LIFETIME_JITTER_MS));
        void catchUp()
          .catch((error) => {
            console.error("Live catch-up failed", error);
            write({ event: "resync", data: {} });
          })
          .finally(() => {
            // Live events that came during the catch-up, in order; one already sent goes out once (by id).
            for (const event of early.splice(0)) write(event);
            ready = true;
          });
      },
      cancel: cleanup,
    },
    { highWaterMark: SLOW_READER_BYTES, size: (chunk) => chunk.byteLength },
  );
  return new Response(stream, { headers: EVENT_STREAM_HEADERS });
}
