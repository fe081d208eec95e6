import http from "node:http";
import { parseEventBlock } from "../../lib/live/events";

export type StreamEvent = { event: string; id?: string; data: Record<string, unknown> };

/** A member's events stream read as EventSource would (plain HTTP, text/event-stream), every event kept. */
export type EventStream = {
  events: StreamEvent[];
  next(match: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  close(): void;
};

function parseBlock(block: string): StreamEvent | null {
  const parsed = parseEventBlock(block);
  return parsed && { ...parsed, data: JSON.parse(parsed.data) as Record<string, unknown> };
}

/** Opens `${baseURL}/messaging/api/events/` with the member's cookies; resolves once the server answered 200. */
export function openEventStream(baseURL: string, cookie: string, options: { lastEventId?: number } = {}): Promise<EventStream> {
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  const headers: Record<string, string> = { cookie, accept: "text/event-stream" };
  if (options.lastEventId !== undefined) headers["last-event-id"] = String(options.lastEventId);
  return new Promise((resolve, reject) => {
    const request = http.get(`${baseURL}/messaging/api/events/`, { headers, agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`The events stream answered ${res.statusCode}`));
      res.setEncoding("utf8");
      let buffer = "";
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const parsed = parseBlock(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (parsed) events.push(parsed);
        }
        waiters.forEach((wake) => wake());
      });
      resolve({
        events,
        close: () => request.destroy(),
        next(match, timeoutMs = 10_000) {
          return new Promise((found, fail) => {
            const check = () => {
              const event = events.find(match);
              if (!event) return false;
              clearTimeout(timer);
              waiters.delete(check);
              found(event);
              return true;
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`No matching event within ${timeoutMs} ms; got ${events.map((e) => e.event).join(", ") || "none"}`));
            }, timeoutMs);
            if (!check()) waiters.add(check);
          });
        },
      });
    });
    request.on("error", reject);
  });
}

/** Ids of the message events received so far, in order. */
export const messageIds = (stream: EventStream) => stream.events.filter((e) => e.event === "message").map((e) => Number(e.id));
