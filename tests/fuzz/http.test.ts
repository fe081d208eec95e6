import { writeFileSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { anyText, body, headerText, idToken, type IdToken } from "./arbitraries";
import { FUZZ_SEED } from "./harness";
import { bodyOf, encode, idText, valueText, type World } from "./requests";
import { answersJson } from "./routes";

// Pages and routes through the real server (proxy, routing, rendering), as a browser or an attacker reaches them.
// Runs only with FUZZ_BASE_URL (a `next start` on a fresh data folder); FUZZ_HTTP_CASES cases (default 300).
const BASE = process.env.FUZZ_BASE_URL;
const CASES = Number(process.env.FUZZ_HTTP_CASES ?? 300);

/**
 * 5xx already reported to the sign-in work (issue 11 items 3 and 5; lib/auth, app/api/auth, app/login, app/signup):
 * counted and printed, not failed. Remove each entry when its fix lands.
 */
const OWNED_ELSEWHERE: { what: string; matches: (url: URL) => boolean }[] = [
];

type Member = { id: number; username: string; cookie: string; csrf: string };
const members: Member[] = [];
const world: World = { members, cookies: [], messageIds: [] };

/** Cookies from Set-Cookie headers, as `name=value; …`. */
const cookiesOf = (res: Response, jar = "") => {
  const pairs = new Map(jar.split("; ").filter(Boolean).map((c) => c.split(/=(.*)/s).slice(0, 2) as [string, string]));
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const [name, value] = pair!.split(/=(.*)/s);
    pairs.set(name!, value ?? "");
  }
  return [...pairs].map(([n, v]) => `${n}=${v}`).join("; ");
};

/** A new account, signed in through next-auth like the login form does. */
async function signedInMember(tag: string): Promise<Member> {
  const csrf = `fuzz${tag}`.padEnd(32, "0");
  const jar = `csrftoken=${csrf}`;
  const username = `fuzz_${tag}`;
  const headers = { cookie: jar, "x-csrftoken": csrf, origin: BASE!, "content-type": "application/json" };
  const signup = await fetch(`${BASE}/api/account/signup/`, {
    method: "POST",
    headers,
    body: JSON.stringify({ username, email: `${username}@example.com`, name: `Fuzz ${tag}`, password: "fuzz-password" }),
  });
  const { user_id: id } = (await signup.json()) as { user_id: number };
  const csrfAnswer = await fetch(`${BASE}/api/auth/csrf/`, { headers: { cookie: jar } });
  const { csrfToken } = (await csrfAnswer.json()) as { csrfToken: string };
  const signin = await fetch(`${BASE}/api/auth/callback/credentials/`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookiesOf(csrfAnswer, jar), "content-type": "application/x-www-form-urlencoded", origin: BASE! },
    body: new URLSearchParams({ csrfToken, username, password: "fuzz-password", json: "true" }),
  });
  return { id, username, cookie: cookiesOf(signin, cookiesOf(csrfAnswer, jar)), csrf };
}

/** A path segment sent as a client may: encoded, raw (so `%E0%A4%A` arrives malformed), or an id. */
const segment = fc.oneof(
  { arbitrary: idToken.map((token) => ({ token })), weight: 3 },
  { arbitrary: anyText.map((text) => ({ text: encode(text) })), weight: 2 },
  { arbitrary: fc.constantFrom("%E0%A4%A", "%FF", "%C0%AF", "%00", "%2e%2e", "..", "%", "%zz", "%25").map((text) => ({ text })), weight: 2 },
);
type Segment = { token: IdToken } | { text: string };

const TEMPLATES = [
  "/", "/login/", "/signup/", "/messaging/", "/messaging/conversation/*/", "/messaging/thread/*/", "/messaging/compose/*/",
  "/messaging/inbox/", "/community/", "/community/@/", "/settings/profile/", "/*/", "/messaging/*/",
  "/messaging/api/send/", "/messaging/api/messages/*/", "/messaging/api/mark-read/*/", "/messaging/api/mark-conversation-read/*/",
  "/messaging/api/unread-count/", "/messaging/api/search-users/", "/messaging/api/conversations/", "/messaging/api/mutes/", "/messaging/api/*/", "/messaging/api/*/*/",
  "/api/health/", "/api/account/profile/", "/api/account/signup/", "/api/auth/*/", "/api/auth/callback/*/", "/api/*/",
];

const request = fc.record({
  template: fc.constantFrom(...TEMPLATES),
  segments: fc.array(segment, { minLength: 2, maxLength: 2 }),
  trailingSlash: fc.boolean(),
  method: fc.oneof({ arbitrary: fc.constantFrom("GET", "POST"), weight: 8 }, { arbitrary: fc.constantFrom("PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"), weight: 2 }),
  query: fc.array(fc.tuple(fc.constantFrom("q", "interest", "page", "limit", "before", "after", "next", "callbackUrl", "error"), fc.oneof(anyText, idToken)), { maxLength: 3 }),
  rawQuery: fc.option(fc.constantFrom("q=%00", "q=%E0%A4%A", "page=%FF", "next=%2F.%2F%2Fevil.example", "q=a&q=b", "limit=1e3"), { nil: null }),
  member: fc.option(fc.nat(1), { nil: null, freq: 4 }),
  csrf: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
  contentType: fc.option(fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"), { nil: null }),
  cookieJunk: fc.option(headerText, { nil: null, freq: 6 }),
  body,
});

describe.skipIf(!BASE)(`HTTP fuzzer against ${BASE} (FUZZ_SEED=${FUZZ_SEED}, ${CASES} cases)`, () => {
  beforeAll(async () => {
    const tag = Date.now().toString(36);
    members.push(await signedInMember(`${tag}a`), await signedInMember(`${tag}b`));
    world.cookies = members.map((m) => m.cookie);
  });

  it("never answers 5xx, and answers JSON under /messaging/api/ and /api/ (but next-auth's)", async () => {
    expect(members.every((m) => m.cookie.includes("session-token"))).toBe(true);
    const failures: string[] = [];
    const known: string[] = [];
    let ran = 0;
    await fc.assert(
      fc.asyncProperty(request, async (plan) => {
        ran++;
        const me = plan.member === null ? null : members[plan.member]!;
        const text = (s: Segment) => ("token" in s ? idText(s.token, world, me) : s.text);
        let i = 0;
        let path = plan.template.replace(/\*|@/g, (mark) => {
          const s = plan.segments[i++]!;
          return mark === "@" && "token" in s ? members[0]!.username : text(s);
        });
        if (!plan.trailingSlash && path.length > 1) path = path.slice(0, -1);
        const query = [...plan.query.map(([k, v]) => `${k}=${encode(valueText(v, world, me))}`), ...(plan.rawQuery ? [plan.rawQuery] : [])].join("&");
        const headers: Record<string, string> = { origin: BASE! };
        const cookie = [me?.cookie, plan.cookieJunk].filter(Boolean).join("; ");
        if (cookie) headers.cookie = cookie;
        if (me && plan.csrf) headers["x-csrftoken"] = me.csrf;
        if (plan.contentType) headers["content-type"] = plan.contentType;
        const withBody = !["GET", "HEAD"].includes(plan.method);
        const url = `${BASE}${path}${query ? `?${query}` : ""}`;
        let res: Response;
        try {
          res = await fetch(url, { method: plan.method, headers, redirect: "manual", body: withBody ? (bodyOf(plan.body, world, me) as BodyInit) : undefined });
        } catch (error) {
          failures.push(`${plan.method} ${url}: the connection failed: ${(error as Error).message}`);
          return;
        }
        const answer = await res.text();
        const pathname = new URL(url).pathname;
        const problems: string[] = [];
        if (res.status >= 500) {
          const owner = OWNED_ELSEWHERE.find((o) => o.matches(new URL(url)));
          if (owner) known.push(`${plan.method} ${url} (${owner.what})`);
          else problems.push(`answered ${res.status}: ${answer.slice(0, 200)}`);
        }
        // Next answers `//` and similar with a redirect to the normal form: only final answers must be JSON.
        const final = res.status < 300 || res.status >= 400;
        const mustBeJson = final && answersJson(pathname) && plan.method !== "HEAD" && res.status !== 204;
        if (mustBeJson && !(res.headers.get("content-type") ?? "").startsWith("application/json")) {
          problems.push(`content-type ${res.headers.get("content-type")}: ${answer.slice(0, 120)}`);
        }
        if (problems.length) failures.push(`${plan.method} ${url}\n  headers: ${JSON.stringify({ ...headers, cookie: cookie ? "<…>" : undefined })}\n  ${problems.join("\n  ")}`);
      }),
      { seed: FUZZ_SEED, numRuns: CASES },
    );
    console.info(`HTTP fuzzer: ${ran} cases, ${failures.length} failed, ${known.length} known 5xx owned elsewhere:\n  ${known.slice(0, 10).join("\n  ")}`);
    if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ seed: FUZZ_SEED, cases: ran, failed: failures.length, known: known.length }));
    expect(failures.slice(0, 20).join("\n\n"), `${failures.length} of ${ran} cases failed`).toBe("");
  }, 60_000 + CASES * 200);
});
