/* global process, console, setImmediate, setTimeout, URL */
// The production server (`npm start`): Next.js behind a plain node:http server.
// Route handlers never see the socket, and Next keeps an X-Forwarded-For sent by
// the client, so the connection's own address is written into a header of ours,
// always overwriting whatever a client sent under that name (lib/auth/client-address.ts).
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import next from "next";

const PEER_HEADER = "x-community-peer";
const port = Number(process.env.PORT) || 3000;
// Unset: every interface. Set: only that address (e.g. 127.0.0.1 behind a local proxy).
const hostname = process.env.HOSTNAME || undefined;

const app = next({ dev: false, hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();
const serveHotPath = await startHotPaths();

/**
 * Send, conversation pages and the events stream, served here with Next's own route handlers but without its
 * request pipeline (hot-paths.ts, bundled by `npm run build`). HOT_PATHS=off sends everything through Next.
 */
async function startHotPaths() {
  const bundle = new URL("./.next/hot-paths/index.mjs", import.meta.url);
  if (process.env.HOT_PATHS === "off") return undefined;
  if (!existsSync(bundle)) {
    console.warn("No hot paths bundle (.next/hot-paths/): run `npm run build`. Every request goes through Next.js.");
    return undefined;
  }
  const { startHotPaths } = await import(bundle.href);
  return startHotPaths();
}

const server = createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "unknown";
  if (serveHotPath?.(req, res)) return;
  void handle(req, res);
});
// Node closes an idle kept-alive connection after 5 s; a client (a proxy, a browser, a test's API client) that
// reuses it just as it closes gets ECONNRESET. Idle connections stay 65 s, longer than common proxies keep theirs.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

function shutdown(signal) {
  server.close();
  server.closeAllConnections();
  const code = signal === "SIGINT" ? 130 : 143;
  // The app closes its streams and database on the same signal (lib/shutdown.ts) and exits when done;
  // without an open embedded database there is nothing to wait for.
  setImmediate(() => {
    if (!globalThis.__community?.shutdown?.stopping) process.exit(code);
  });
  setTimeout(() => process.exit(code), 10_000).unref();
}
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);

server.listen(port, hostname, () => {
  console.log(`Community Messages on http://${hostname ?? "0.0.0.0"}:${port}`);
});
