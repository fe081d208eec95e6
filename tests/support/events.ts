import { EventLog, type LoggedEvent } from "@/e2e/support/event-log";
import type { User } from "@/db/schema";
import { GET as eventsRoute } from "@/app/messaging/api/events/route";
import { sessionCookie } from "./members";

export type ReceivedEvent = LoggedEvent;

/** A member's open events stream, read as the browser's EventSource would, collecting every event. */
export type OpenStream = {
  status: number;
  headers: Headers;
  events: ReceivedEvent[];
  /** The first raw chunk (retry and comment). */
  preamble: Promise<string>;
  next(match: (event: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  close(): void;
  closed: Promise<void>;
};

export async function openStream(as: Pick<User, "id">, options: { lastEventId?: number; after?: number } = {}): Promise<OpenStream> {
  const abort = new AbortController();
  const headers = new Headers({ host: "localhost:3000", cookie: await sessionCookie(as) });
  if (options.lastEventId !== undefined) headers.set("last-event-id", String(options.lastEventId));
  const query = options.after !== undefined ? `?after=${options.after}` : "";
  const req = new Request(`http://localhost:3000/messaging/api/events/${query}`, { headers, signal: abort.signal });
  const res = await eventsRoute(req, { params: Promise.resolve({}) });
  const log = new EventLog();
  let resolvePreamble!: (text: string) => void;
  const preamble = new Promise<string>((resolve) => (resolvePreamble = resolve));
  const closed = (async () => {
    if (!res.body) return;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let first = true;
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) break;
      const text = decoder.decode(value, { stream: true });
      if (first) {
        resolvePreamble(text);
        first = false;
      }
      log.add(text);
    }
  })();
  return {
    status: res.status,
    headers: res.headers,
    events: log.events,
    preamble,
    closed,
    close: () => abort.abort(),
    next: (match, timeoutMs = 5_000) => log.next(match, timeoutMs),
  };
}

export const messageEvents = (stream: OpenStream) => stream.events.filter((e) => e.event === "message").map((e) => Number(e.id));
