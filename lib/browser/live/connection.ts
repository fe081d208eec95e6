import type { LiveEvent } from "@/lib/live/events";

export const EVENTS_URL = "/messaging/api/events/";
const EVENT_NAMES = ["message", "read", "typing", "presence", "unread", "mute", "resync", "ping"] as const;

type Relay =
  | { type: "event"; event: LiveEvent }
  | { type: "status"; connected: boolean; newest?: number }
  | { type: "hello" };

export type LiveHandlers = {
  onEvent(event: LiveEvent): void;
  /** The stream opened (`reconnected` after a drop: refetch) or closed. */
  onStatus(connected: boolean, reconnected: boolean): void;
  /** Where a new stream starts: the newest message id the tab knows. */
  cursor(): number | undefined;
};

/**
 * One events stream per browser and member: the tab holding a Web Lock opens
 * it and relays every event to the other tabs over a BroadcastChannel (a
 * browser allows six connections per site; ten tabs must not hold ten
 * streams). When the holder closes, another tab takes the lock and resumes
 * after the newest message id seen. Without Web Locks each tab has its own.
 */
export function connectLive(memberId: number, handlers: LiveHandlers): () => void {
  const name = `community-live-${memberId}`;
  const stop = new AbortController();
  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(name) : null;
  let newest: number | undefined;
  let everConnected = false;

  const seeEvent = (event: LiveEvent) => {
    if (event.event === "message") newest = Math.max(newest ?? 0, event.id);
    handlers.onEvent(event);
  };
  const seeStatus = (connected: boolean) => {
    handlers.onStatus(connected, connected && everConnected);
    if (connected) everConnected = true;
  };

  channel?.addEventListener("message", ({ data }: MessageEvent<Relay>) => {
    if (data.type === "event") seeEvent(data.event);
    else if (data.type === "status") {
      if (data.newest) newest = Math.max(newest ?? 0, data.newest);
      seeStatus(data.connected);
    }
  });

  const lead = () =>
    new Promise<void>((resolve) => {
      const after = newest ?? handlers.cursor();
      const source = new EventSource(after ? `${EVENTS_URL}?after=${after}` : EVENTS_URL);
      // Phones drop background connections without a word: no event (pings every 20 s) for 50 s means dead.
      let lastActivity = Date.now();
      const watchdog = setInterval(() => {
        if (Date.now() - lastActivity > 50_000) {
          announce(false);
          finish();
        }
      }, 10_000);
      const announce = (connected: boolean) => {
        seeStatus(connected);
        channel?.postMessage({ type: "status", connected, newest } satisfies Relay);
      };
      source.onopen = () => {
        lastActivity = Date.now();
        announce(true);
      };
      // EventSource retries by itself (with Last-Event-ID); CLOSED means it gave up (e.g. 401, 503).
      source.onerror = () => {
        announce(false);
        if (source.readyState === EventSource.CLOSED) retryLater();
      };
      for (const type of EVENT_NAMES) {
        source.addEventListener(type, (message) => {
          lastActivity = Date.now();
          const data = JSON.parse((message as MessageEvent<string>).data);
          const event = (type === "message" ? { event: type, id: data.id, data } : { event: type, data }) as LiveEvent;
          seeEvent(event);
          if (type !== "ping") channel?.postMessage({ type: "event", event } satisfies Relay);
        });
      }
      channel?.addEventListener("message", ({ data }: MessageEvent<Relay>) => {
        if (data.type === "hello") channel.postMessage({ type: "status", connected: source.readyState === EventSource.OPEN, newest } satisfies Relay);
      });
      let timer: ReturnType<typeof setTimeout> | undefined;
      function retryLater() {
        source.close();
        timer = setTimeout(() => {
          finish();
        }, 15_000 + Math.random() * 15_000);
      }
      function finish() {
        clearTimeout(timer);
        clearInterval(watchdog);
        source.close();
        resolve();
      }
      stop.signal.addEventListener("abort", finish, { once: true });
    });

  const holdLock = async () => {
    while (!stop.signal.aborted) {
      if (typeof navigator !== "undefined" && navigator.locks) {
        await navigator.locks.request(name, { signal: stop.signal }, lead).catch(() => {});
      } else {
        await lead();
      }
    }
  };
  void holdLock();
  channel?.postMessage({ type: "hello" } satisfies Relay);

  return () => {
    stop.abort();
    channel?.close();
  };
}
