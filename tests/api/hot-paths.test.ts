import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDatabaseHandle } from "@/db/connection";
import type { User } from "@/db/schema";
import { EventLog } from "@/e2e/support/event-log";
import { hotPathOf, serveHotPath } from "@/hot-paths";
import { connectedMembers, startLiveDelivery, stopLiveDelivery } from "@/lib/live/hub";
import { createMember, sessionCookie } from "../support/members";

// server.mjs in miniature: the hot paths first, and a marker answer where Next would take over.
const NEXT_WOULD_ANSWER = 299;
let server: Server;
let base: string;
let alice: User, bob: User;

beforeAll(async () => {
  await startLiveDelivery(await getDatabaseHandle());
  server = createServer((req, res) => {
    if (serveHotPath(req, res)) return;
    res.writeHead(NEXT_WOULD_ANSWER).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  alice = await createMember();
  bob = await createMember();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await stopLiveDelivery();
});

async function signedIn(as: User, init: RequestInit = {}, csrf = true): Promise<RequestInit> {
  const headers = new Headers(init.headers);
  headers.set("cookie", await sessionCookie(as));
  headers.set("origin", base);
  if (csrf) headers.set("x-csrftoken", "test-csrf-token-0123456789");
  return { ...init, headers };
}

const sendBody = (to: User, content: string) =>
  ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ receiver_id: to.id, content }) }) satisfies RequestInit;

describe("hot paths (server.mjs serves send, conversation pages and events itself)", () => {
  it("takes only the three routes, with their methods, plain ids and either slash form", () => {
    expect(hotPathOf("POST", "/messaging/api/send/")?.params).toEqual({});
    expect(hotPathOf("POST", "/messaging/api/send")).toBeDefined();
    expect(hotPathOf("GET", "/messaging/api/messages/42/?after=7")?.params).toEqual({ userId: "42" });
    expect(hotPathOf("GET", "/messaging/api/events/?after=3")).toBeDefined();
    for (const [method, url] of [
      ["GET", "/messaging/api/send/"],
      ["PUT", "/messaging/api/messages/42/"],
      ["GET", "/messaging/api/messages/abc/"],
      ["GET", "/messaging/api/messages/%34%32/"],
      ["GET", "/messaging/api/messages/1234567890123456/"],
      ["HEAD", "/messaging/api/events/"],
      ["GET", "/messaging/api/conversations/"],
      ["GET", "/messaging/"],
    ] as const) {
      expect(hotPathOf(method, url), `${method} ${url}`).toBeUndefined();
    }
  });

  it("hands every other request to Next", async () => {
    const res = await fetch(`${base}/messaging/api/send/`);
    expect(res.status).toBe(NEXT_WOULD_ANSWER);
  });

  it("sends a message with the route's rules and Next's headers", async () => {
    const res = await fetch(`${base}/messaging/api/send/`, await signedIn(alice, sendBody(bob, "  through the hot path ")));
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    // The browser already has its csrftoken: no new one.
    expect(res.headers.getSetCookie()).toEqual([]);
    const body = await res.json();
    expect(body).toMatchObject({ success: true, message: { content: "through the hot path", sender_id: alice.id, receiver_id: bob.id } });
  });

  it("refuses as the route does: 401 without a session (with a csrftoken to start one), 403 without the CSRF token", async () => {
    const anonymous = await fetch(`${base}/messaging/api/send/`, sendBody(bob, "hi"));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ success: false, error: "You need to sign in to do that." });
    expect(anonymous.headers.getSetCookie().join()).toMatch(/^csrftoken=[\w-]+; Path=\/; Max-Age=31536000; SameSite=Lax/);

    const noToken = await fetch(`${base}/messaging/api/send/`, await signedIn(alice, sendBody(bob, "hi"), false));
    expect(noToken.status).toBe(403);
    expect((await noToken.json()).error).toMatch(/CSRF token missing/);
  });

  it("answers bad bodies with a sentence: invalid JSON 400, too large 413, nothing stored", async () => {
    const broken = await fetch(`${base}/messaging/api/send/`, await signedIn(alice, { method: "POST", body: "{not json" }));
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toBe("The request body is not valid JSON.");

    const huge = JSON.stringify({ receiver_id: bob.id, content: "x".repeat(70_000) });
    const tooLarge = await fetch(`${base}/messaging/api/send/`, await signedIn(alice, { method: "POST", body: huge }));
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error).toBe("The request body is too large (64 KB at most).");
  });

  it("answers a request whose Host header is not a host (no 500)", async () => {
    const { request } = await import("node:http");
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(`${base}/messaging/api/send/`, { method: "POST", headers: { host: "not a host", "content-type": "application/json" } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on("error", reject);
      req.end(JSON.stringify({ receiver_id: bob.id, content: "hi" }));
    });
    expect(status).toBe(401);
  });

  it("serves a conversation page, gzipped for a client that accepts it", async () => {
    for (let i = 0; i < 12; i += 1) {
      const sent = await fetch(`${base}/messaging/api/send/`, await signedIn(bob, sendBody(alice, `long enough message number ${i}`)));
      expect(sent.status).toBe(201);
    }
    const url = `${base}/messaging/api/messages/${bob.id}/`;
    const plain = await fetch(url, await signedIn(alice, {}, false));
    expect(plain.status).toBe(200);
    const page = await plain.json();
    expect(page.messages.length).toBeGreaterThanOrEqual(13);
    expect(page.other_user).toMatchObject({ id: bob.id });

    // Node's fetch decodes gzip itself, so ask at the socket level.
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      void signedIn(alice, {}, false).then((init) => {
        const headers = Object.fromEntries(new Headers(init.headers));
        import("node:http").then(({ get }) =>
          get(url, { headers: { ...headers, "accept-encoding": "gzip" } }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
          }).on("error", reject),
        );
      });
    });
    expect(raw.encoding).toBe("gzip");
    expect(JSON.parse(gunzipSync(raw.body).toString("utf8"))).toEqual(page);
  });

  it("streams events, delivers a send made through it, and lets go of the stream when the client leaves", async () => {
    const leaving = new AbortController();
    const stream = await fetch(`${base}/messaging/api/events/`, { ...(await signedIn(bob, {}, false)), signal: leaving.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(stream.headers.get("cache-control")).toBe("no-cache, no-transform");
    const log = new EventLog();
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
        if (done) return;
        log.add(decoder.decode(value, { stream: true }));
      }
    })();

    await expect.poll(() => connectedMembers().includes(bob.id)).toBe(true);
    const sent = await fetch(`${base}/messaging/api/send/`, await signedIn(alice, sendBody(bob, "live through the hot path")));
    const { message } = await sent.json();
    const event = await log.next((e) => e.event === "message" && Number(e.id) === message.id, 5_000);
    expect(event.data).toMatchObject({ content: "live through the hot path", sender_id: alice.id });

    leaving.abort();
    await reading;
    await expect.poll(() => connectedMembers().includes(bob.id)).toBe(false);
  });
});
