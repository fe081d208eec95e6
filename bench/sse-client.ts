import http from "node:http";
import { parseEventBlock } from "@/lib/live/events";

/** One event as the stream carried it; `receivedAt` is performance.now() when its chunk arrived. */
export type SseEvent = { event: string; id?: string; data: string; receivedAt: number };

export type SseStream = {
  /** Resolves once the response headers and the first chunk arrived; rejects on a non-200 answer. */
  opened: Promise<void>;
  /** Resolves when the server or `close` ended the stream. */
  ended: Promise<void>;
  close(): void;
};

function parseBlock(block: string, receivedAt: number): SseEvent | null {
  const parsed = parseEventBlock(block);
  return parsed && { ...parsed, receivedAt };
}

/**
 * A text/event-stream read with a plain Node HTTP request (one socket of its
 * own, as a browser's EventSource holds), handing each event to `onEvent`.
 */
export function openSse(url: string, headers: Record<string, string>, onEvent: (event: SseEvent) => void): SseStream {
  let request!: http.ClientRequest;
  let resolveEnded!: () => void;
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
  const opened = new Promise<void>((resolve, reject) => {
    request = http.get(url, { headers: { accept: "text/event-stream", ...headers }, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => reject(new Error(`GET ${url} answered ${res.statusCode}: ${body.slice(0, 200)}`)));
        return;
      }
      res.setEncoding("utf8");
      let buffer = "";
      res.on("data", (chunk: string) => {
        const receivedAt = performance.now();
        resolve();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const event = parseBlock(buffer.slice(0, end), receivedAt);
          buffer = buffer.slice(end + 2);
          if (event) onEvent(event);
        }
      });
      res.on("close", resolveEnded);
    });
    request.on("error", (error) => {
      reject(error);
      resolveEnded();
    });
  });
  opened.catch(() => {}); // callers that only close must not see an unhandled rejection
  return { opened, ended, close: () => request.destroy() };
}
