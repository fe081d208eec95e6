import type { Query, QueryClient } from "@tanstack/react-query";
import type { LiveEvent } from "@/lib/live/events";
import { applyLiveEvent } from "./apply-event";

/** How many recent events a query drawn late can catch up on. */
const KEPT_EVENTS = 500;

export type LiveCache = {
  /** Writes an event into every query that is drawn, and keeps it for queries drawn later. */
  apply(event: LiveEvent): void;
  /** After a reconnection: what was kept may have missed changes (the refetch brings the truth). */
  forget(): void;
  stop(): void;
};

/**
 * Live events for a page that streams in. The events stream opens when the
 * page's frame hydrates, but the inbox and the conversation stream in after
 * it: their queries do not exist yet when the first events (the catch-up
 * after the page's cursor among them) arrive, and a query created while its
 * part of the page hydrates must keep the data the server drew it with, or
 * React finds a page that differs from the server's HTML.
 *
 * So a query created after the stream opened gets no event until its first
 * observer subscribes (its part of the page is drawn); then the kept events
 * are written into it, in order. Every event is safe to repeat (see
 * `applyLiveEvent`), so one the server's data already held changes nothing.
 */
export function liveCache(queryClient: QueryClient, me: number): LiveCache {
  let kept: { event: LiveEvent; at: number }[] = [];
  const undrawn = new WeakSet<Query>();
  const stop = queryClient.getQueryCache().subscribe((change) => {
    if (change.type === "added") undrawn.add(change.query);
    else if (change.type === "observerAdded" && undrawn.delete(change.query)) {
      const query = change.query;
      const events = kept;
      // After the subscription that announced it, not inside it. No event can come in between:
      // events arrive as tasks, and a microtask runs first.
      queueMicrotask(() => events.forEach(({ event, at }) => applyLiveEvent(queryClient, event, me, (q) => q === query, at)));
    }
  });
  return {
    apply(event) {
      const at = Date.now();
      if (event.event !== "ping" && event.event !== "resync") {
        kept.push({ event, at });
        if (kept.length > KEPT_EVENTS) kept = kept.slice(-KEPT_EVENTS);
      }
      applyLiveEvent(queryClient, event, me, (query) => !undrawn.has(query), at);
    },
    forget() {
      kept = [];
    },
    stop,
  };
}
