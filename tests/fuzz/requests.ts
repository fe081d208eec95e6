import { NextRequest } from "next/server";
import type { User } from "@/db/schema";
import type { BodyPlan, CasePlan, IdToken } from "./arbitraries";
import { handlerOf } from "./routes";

export const ORIGIN = "http://localhost:3000";
export const CSRF_TOKEN = "fuzz-csrf-token-0123456789";

/** What the cases act on: the members (with their signed-in cookies) and the messages sent so far. */
export type World = { members: Pick<User, "id" | "username">[]; cookies: string[]; messageIds: number[] };

/** A concrete request, kept printable so that a failure can be replayed by hand. */
export type BuiltCase = {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  params: Record<string, unknown>;
  actor: number | null;
};

const HUGE = JSON.stringify({ receiver_id: 1, content: "x".repeat(70_000) });
const NESTED = `${"[".repeat(30_000)}${"]".repeat(30_000)}`;

/** encodeURIComponent, with lone surrogates replaced (U+FFFD) as a browser would. */
export const encode = (text: string) => encodeURIComponent(Buffer.from(text, "utf8").toString("utf8"));

export function idText(token: IdToken, world: World, actor: Pick<User, "id"> | null): string {
  if ("member" in token) return String(world.members[token.member % world.members.length]!.id);
  if ("self" in token) return String(actor?.id ?? 1);
  if ("message" in token) return String(world.messageIds.length ? world.messageIds[token.message % world.messageIds.length] : token.message + 1);
  return token.raw;
}

export const valueText = (value: string | IdToken, world: World, actor: Pick<User, "id"> | null) =>
  typeof value === "string" ? value : idText(value, world, actor);

export function bodyOf(plan: BodyPlan, world: World, actor: Pick<User, "id"> | null): string | Uint8Array | undefined {
  switch (plan.kind) {
    case "none":
      return undefined;
    case "json":
      return JSON.stringify(plan.value) ?? "";
    case "send": {
      const receiver = idText(plan.receiver, world, actor);
      const body: Record<string, unknown> = { receiver_id: /^\d{1,15}$/.test(receiver) ? Number(receiver) : receiver, content: plan.content };
      if (plan.messageType !== null) body.message_type = plan.messageType;
      if (plan.clientId !== null) body.client_id = plan.clientId;
      return JSON.stringify(body);
    }
    case "form":
      return plan.pairs.map(([k, v]) => `${encode(k)}=${encode(valueText(v, world, actor))}`).join("&");
    case "text":
      return plan.text;
    case "bytes":
      return plan.bytes;
    case "huge":
      return HUGE;
    case "nested":
      return NESTED;
  }
}

/** Turns a generated plan into the request a client would send, against the current world. */
export function buildCase(generated: CasePlan, world: World): BuiltCase {
  const plan: CasePlan = generated.clean
    ? { ...generated, auth: "member" in generated.auth ? generated.auth : { member: 0 }, csrf: "valid", origin: "same", contentType: null, extraHeaders: [] }
    : generated;
  const actor = "member" in plan.auth ? world.members[plan.auth.member % world.members.length]! : null;
  const segment = plan.segment === undefined ? undefined : Array.isArray(plan.segment) ? plan.segment : idText(plan.segment, world, actor);
  const params: Record<string, unknown> = {};
  if (plan.route.param && segment !== undefined) params[plan.route.param.name] = segment;
  const segmentPath = segment === undefined ? "" : (Array.isArray(segment) ? segment : [segment]).map(encode).join("/");
  const path = plan.route.path.replace(":param/", segmentPath ? `${segmentPath}/` : "");
  const query = plan.query.map(([k, v]) => `${encode(k)}=${encode(valueText(v, world, actor))}`).join("&");

  const headers: Record<string, string> = { host: "localhost:3000" };
  if ("member" in plan.auth) headers.cookie = world.cookies[plan.auth.member % world.members.length]!;
  else if (plan.auth.cookie) headers.cookie = plan.auth.cookie;
  if (plan.csrf === "valid") headers["x-csrftoken"] = CSRF_TOKEN;
  else if (plan.csrf === "wrong") headers["x-csrftoken"] = CSRF_TOKEN.replace("0", "9");
  else if (typeof plan.csrf === "object") headers["x-csrftoken"] = plan.csrf.token;
  if (plan.origin === "same") headers.origin = ORIGIN;
  else if (plan.origin === "null") headers.origin = "null";
  else if (typeof plan.origin === "object") headers.origin = plan.origin.url;
  for (const [name, value] of plan.extraHeaders) headers[name] = value;
  if (plan.contentType !== null) headers["content-type"] = plan.contentType;
  else if (plan.body.kind === "send" || plan.body.kind === "json" || plan.body.kind === "huge") headers["content-type"] = "application/json";
  else if (plan.body.kind === "form") headers["content-type"] = "application/x-www-form-urlencoded";

  const body = plan.method === "GET" ? undefined : bodyOf(plan.body, world, actor);
  return { method: plan.method, url: `${ORIGIN}${path}${query ? `?${query}` : ""}`, path, headers, body, params, actor: actor?.id ?? null };
}

export type Outcome = { status: number; problems: string[]; json?: Record<string, unknown> };

/** Calls the route's handler as Next would and lists what is wrong with the answer. */
export async function runCase(plan: CasePlan, built: BuiltCase, mustBeJson: boolean): Promise<Outcome | null> {
  const handler = handlerOf(plan.route, plan.method);
  if (!handler) return null; // Next answers this method itself
  // Next hands route handlers a NextRequest (next-auth reads its nextUrl).
  const req = new NextRequest(built.url, { method: built.method, headers: built.headers, body: built.body as BodyInit | undefined });
  let res: Response;
  try {
    res = await handler(req, { params: Promise.resolve(built.params) });
  } catch (error) {
    return { status: 0, problems: [`the handler threw: ${(error as Error).stack ?? String(error)}`] };
  }
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`answered ${res.status}`);
  if (res.status === 200 && res.headers.get("content-type")?.startsWith("text/event-stream")) {
    // The live stream never ends by itself: its first chunk is enough, then the client goes away.
    const reader = res.body!.getReader();
    const first = await reader.read();
    if (!new TextDecoder().decode(first.value).startsWith("retry: ")) problems.push("the event stream did not start with retry:");
    await reader.cancel();
    return { status: res.status, problems };
  }
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  if (mustBeJson) {
    const type = res.headers.get("content-type") ?? "";
    if (!type.startsWith("application/json")) problems.push(`content-type is ${JSON.stringify(type)}, not JSON`);
    if (res.headers.get("cache-control") !== "no-store") problems.push(`cache-control is ${JSON.stringify(res.headers.get("cache-control"))}`);
    try {
      json = JSON.parse(text);
      // A download (the account export) is the member's data file, not an API answer.
      const download = res.status === 200 && res.headers.get("content-disposition")?.startsWith("attachment");
      if (typeof json?.success !== "boolean" && !download) problems.push("the JSON has no boolean `success`");
      if (json?.success === false && (typeof json.error !== "string" || !json.error)) problems.push("an error without a sentence");
    } catch {
      problems.push(`the body is not JSON: ${text.slice(0, 120)}`);
    }
  }
  if (problems.length) problems.push(`body: ${text.slice(0, 300)}`);
  return { status: res.status, problems, json };
}

/** A failure as a person replays it. */
export function describeCase(built: BuiltCase, world: World): string {
  const headers = { ...built.headers };
  const member = world.cookies.indexOf(headers.cookie ?? "");
  if (member >= 0) headers.cookie = `<session of member id ${world.members[member]!.id}>; csrftoken=${CSRF_TOKEN}`;
  const body =
    built.body === undefined ? "(none)" : typeof built.body === "string" ? JSON.stringify(built.body.slice(0, 400)) : `bytes ${Buffer.from(built.body).toString("hex").slice(0, 200)}`;
  return `${built.method} ${built.url}\n  params: ${JSON.stringify(built.params)}\n  headers: ${JSON.stringify(headers)}\n  body: ${body}`;
}
