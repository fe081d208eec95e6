import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

const gzipAsync = promisify(gzip);
// Below this a compressed answer saves less than it costs (the same threshold as Next's compression).
const COMPRESS_FROM_BYTES = 1024;
const PLAIN_HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The Web `Request` a route handler expects, made from a node:http request: the body is streamed (the handler
 * enforces its own size limit) and `signal` aborts when the client goes away, as under Next.
 */
export function toWebRequest(req: IncomingMessage, res: ServerResponse): Request {
  const gone = new AbortController();
  res.once("close", () => gone.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  // The handlers read the path and query from the URL; a Host header that is no host must not make it unparsable.
  const host = PLAIN_HOST.test(req.headers.host ?? "") ? req.headers.host : "localhost";
  return new Request(`http://${host}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    body: hasBody ? (req as unknown as ReadableStream<Uint8Array>) : undefined,
    signal: gone.signal,
    // Node's fetch takes an async iterable body once `duplex` says it may still be arriving.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

function writeHead(res: ServerResponse, response: Response, extra: Headers): void {
  res.statusCode = response.status;
  for (const [name, value] of extra) if (!response.headers.has(name)) res.setHeader(name, value);
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = [...response.headers.getSetCookie(), ...extra.getSetCookie()];
  if (cookies.length) res.setHeader("set-cookie", cookies);
}

/** Waits until the socket takes more, or is gone (then false). */
function drained(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => () => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      resolve(ok);
    };
    const onDrain = done(true);
    const onClose = done(false);
    res.once("drain", onDrain);
    res.once("close", onClose);
  });
}

/** Pipes a streamed answer (the events stream) chunk by chunk, reading only as fast as the client takes it. */
async function pipeStream(res: ServerResponse, body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  res.once("close", () => void reader.cancel().catch(() => {}));
  res.flushHeaders();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value) && !(await drained(res))) return;
    }
  } catch {
    // The client went away mid-read: the stream is cancelled, nothing more to say.
  }
  res.end();
}

/**
 * Writes a route handler's `Response` to a node:http response: its headers first, then `extra` where the
 * answer did not set them; a JSON answer gzipped when the client accepts it, a stream piped as it comes.
 */
export async function writeWebResponse(req: IncomingMessage, res: ServerResponse, response: Response, extra: Headers): Promise<void> {
  writeHead(res, response, extra);
  if (!response.body) {
    res.end();
    return;
  }
  if ((response.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
    await pipeStream(res, response.body);
    return;
  }
  let body = Buffer.from(await response.arrayBuffer());
  if (body.byteLength >= COMPRESS_FROM_BYTES && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    body = await gzipAsync(body);
    res.setHeader("content-encoding", "gzip");
    res.setHeader("vary", "Accept-Encoding");
  }
  res.setHeader("content-length", body.byteLength);
  res.end(body);
}
