/**
 * The hot paths: server.mjs serves these three routes itself, with the very same route handlers as Next, and
 * hands every other request to Next. A send, a conversation page (and its polling) and the events stream skip
 * Next's request pipeline, about 1.5 ms of the box per request (docs/performance.md, "Capacity").
 * `npm run build` bundles this file into .next/hot-paths/index.mjs (scripts/build-hot-paths.mjs).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { GET as openEvents } from "@/app/messaging/api/events/route";
import { GET as conversationPage } from "@/app/messaging/api/messages/[userId]/route";
import { POST as send } from "@/app/messaging/api/send/route";
import { secureCookies } from "@/env";
import { bootOrExit } from "@/lib/boot";
import { CSRF_COOKIE, csrfSetCookieHeader, readCookie } from "@/lib/csrf";
import { errorResponse } from "@/lib/errors";
import { toWebRequest, writeWebResponse } from "@/lib/http/node-adapter";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "@/lib/http/security-headers";

type Params = Record<string, string>;
type RouteHandler = (req: Request, context: { params: Promise<Params> }) => Promise<Response>;
type HotPath = { method: string; path: RegExp; params: string[]; handler: RouteHandler };

// Only plain addresses: an id that is not digits, a malformed escape or another method goes to Next, which
// answers it as it answers everything else (404, 405, 400).
const HOT_PATHS: HotPath[] = [
  { method: "POST", path: /^\/messaging\/api\/send\/?$/, params: [], handler: send },
  { method: "GET", path: /^\/messaging\/api\/messages\/(\d{1,15})\/?$/, params: ["userId"], handler: conversationPage },
  { method: "GET", path: /^\/messaging\/api\/events\/?$/, params: [], handler: openEvents },
];

/** The route for this request, with its parameters, or undefined when Next should answer it. */
export function hotPathOf(method: string | undefined, url: string | undefined): { handler: RouteHandler; params: Params } | undefined {
  const pathname = (url ?? "").split("?", 1)[0] ?? "";
  for (const hot of HOT_PATHS) {
    if (hot.method !== method) continue;
    const match = hot.path.exec(pathname);
    if (match) return { handler: hot.handler, params: Object.fromEntries(hot.params.map((name, i) => [name, match[i + 1] ?? ""])) };
  }
  return undefined;
}

/** What Next adds to every API answer (next.config.ts headers, proxy.ts's CSP and csrftoken cookie). */
function answerHeaders(req: IncomingMessage): Headers {
  const headers = new Headers(SECURITY_HEADERS.map(({ key, value }): [string, string] => [key, value]));
  headers.set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
  headers.set("Cache-Control", "no-store");
  if (!readCookie(req.headers.cookie ?? null, CSRF_COOKIE)) headers.append("Set-Cookie", csrfSetCookieHeader(secureCookies()));
  return headers;
}

async function serve(req: IncomingMessage, res: ServerResponse, handler: RouteHandler, params: Params): Promise<void> {
  let response: Response;
  try {
    response = await handler(toWebRequest(req, res), { params: Promise.resolve(params) });
  } catch (error) {
    response = errorResponse(error);
  }
  try {
    await writeWebResponse(req, res, response, answerHeaders(req));
  } catch (error) {
    console.error("Could not write an answer", error);
    res.destroy();
  }
}

export type HotPathHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Serves a hot path and says true, or says false and leaves the request to Next. */
export const serveHotPath: HotPathHandler = (req, res) => {
  const hot = hotPathOf(req.method, req.url);
  if (!hot) return false;
  void serve(req, res, hot.handler, hot.params);
  return true;
};

/** Boots the app (the same boot Next's instrumentation waits for), then hands server.mjs the handler. */
export async function startHotPaths(): Promise<HotPathHandler> {
  await bootOrExit();
  return serveHotPath;
}
