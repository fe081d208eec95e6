import { parseEventBlock } from "@/lib/live/events";
import type { User } from "@/db/schema";
import { GET as eventsRoute } from "@/app/messaging/api/events/route";
import { sessionCookie } from "./members";

export type ReceivedEvent = { event: string; id?: string; data: Record<string, unknown> };

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

function parseBlock(block: string): ReceivedEvent | null {
  const parsed = parseEventBlock(block);
  return parsed && { ...parsed, data: JSON.parse(parsed.data) };
}

export async function openStream(as: Pick<User, "id">, options: { lastEventId?: number; after?: number } = {}): Promise<OpenStream> {
  const abort = new AbortController();
  const headers = new Headers({ host: "localhost:3000", cookie: await sessionCookie(as) });
  if (options.lastEventId !== undefined) headers.set("last-event-id", String(options.lastEventId));
  const query = options.after !== undefined ? `?after=${options.after}` : "";
  const req = new Request(`http://localhost:3000/messaging/api/events/${query}`, { headers, signal: abort.signal });
  const res = await eventsRoute(req, { params: Promise.resolve({}) });
  const events: ReceivedEvent[] = [];
  const waiters = new Set<() => void>();
  let resolvePreamble!: (text: string) => void;
  const preamble = new Promise<string>((resolve) => (resolvePreamble = resolve));
  const closed = (async () => {
    if (!res.body) return;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let first = true;
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      if (first) {
        resolvePreamble(buffer);
        first = false;
      }
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const parsed = parseBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (parsed) events.push(parsed);
      }
      waiters.forEach((wake) => wake());
    }
    waiters.forEach((wake) => wake());
  })();
  return {
    status: res.status,
    headers: res.headers,
    events,
    preamble,
    closed,
    close: () => abort.abort(),
    next(match, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return false;
          cleanup();
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`No matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.event))}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        const wake = () => void check();
        if (!check()) waiters.add(wake);
      });
    },
  };
}

export const messageEvents = (stream: OpenStream) => stream.events.filter((e) => e.event === "message").map((e) => Number(e.id));
