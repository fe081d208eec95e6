import type { User } from "@/db/schema";
import { sessionCookie } from "./members";

const ORIGIN = "http://localhost:3000";
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = {
  as?: Pick<User, "id"> | null;
  body?: unknown;
  rawBody?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
  csrf?: "valid" | "missing" | "wrong";
};

/** Calls a route handler with a real Request, as a signed-in browser on this site would. */
export async function call(handler: Handler, method: string, path: string, options: CallOptions = {}) {
  const headers = new Headers({ host: "localhost:3000", origin: ORIGIN, ...options.headers });
  if (options.as) {
    headers.set("cookie", await sessionCookie(options.as));
    const csrf = options.csrf ?? "valid";
    if (csrf === "valid") headers.set("x-csrftoken", "test-csrf-token-0123456789");
    if (csrf === "wrong") headers.set("x-csrftoken", "test-csrf-token-9876543210");
  }
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  const req = new Request(`${ORIGIN}${path}`, { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await res.text();
  let json: Record<string, unknown> & { success?: boolean; error?: string } = {};
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`Expected JSON from ${method} ${path}, got ${res.status}: ${text.slice(0, 200)}`);
  }
  return { status: res.status, headers: res.headers, json };
}
