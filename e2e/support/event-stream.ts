import http from "node:http";
import { EventLog, type LoggedEvent } from "./event-log";

export type StreamEvent = LoggedEvent;

/** A member's events stream read as EventSource would (plain HTTP, text/event-stream), every event kept. */
export type EventStream = {
  events: StreamEvent[];
  next(match: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  close(): void;
};

/** Opens `${baseURL}/messaging/api/events/` with the member's cookies; resolves once the server answered 200. */
export function openEventStream(baseURL: string, cookie: string, options: { lastEventId?: number } = {}): Promise<EventStream> {
  const log = new EventLog();
  const headers: Record<string, string> = { cookie, accept: "text/event-stream" };
  if (options.lastEventId !== undefined) headers["last-event-id"] = String(options.lastEventId);
  return new Promise((resolve, reject) => {
    const request = http.get(`${baseURL}/messaging/api/events/`, { headers, agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`The events stream answered ${res.statusCode}`));
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => log.add(chunk));
      resolve({
        events: log.events,
        close: () => request.destroy(),
        next: (match, timeoutMs = 10_000) => log.next(match, timeoutMs),
      });
    });
    request.on("error", reject);
  });
}

/** Ids of the message events received so far, in order. */
export const messageIds = (stream: EventStream) => stream.events.filter((e) => e.event === "message").map((e) => Number(e.id));
