import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import * as health from "@/app/api/health/route";
import * as unknownApiEndpoint from "@/app/api/[[...rest]]/route";
import * as unknownEndpoint from "@/app/messaging/api/[[...rest]]/route";
import { POST as markRead } from "@/app/messaging/api/mark-read/[messageId]/route";
import { POST as send } from "@/app/messaging/api/send/route";
import { GET as unreadCount } from "@/app/messaging/api/unread-count/route";
import type { User } from "@/db/schema";
import { errorResponse } from "@/lib/errors";
import { proxy } from "@/proxy";
import { call } from "../support/http";
import { createMember, sessionCookie } from "../support/members";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
let alice: User;

beforeAll(async () => {
  alice = await createMember();
});

describe("unknown addresses under /messaging/api/", () => {
  it.each([["nope"], [""], ["messages"], ["messages/1/extra"], [".."], ["unread-count/x"]])(
    "/messaging/api/%s/ answers a JSON 404 for every method",
    async (rest) => {
      for (const method of METHODS) {
        const res = await call(unknownEndpoint[method], method, `/messaging/api/${rest}/`, {
          as: method === "GET" ? alice : null,
          params: { rest },
        });
        expect(res.status, method).toBe(404);
        expect(res.headers.get("content-type")).toMatch(/^application\/json/);
        expect(res.json).toEqual({ success: false, error: "There is no API endpoint at this address." });
      }
    },
  );
});

describe("unknown addresses under /api/", () => {
  it.each([["nope"], [""], ["health", "x"], ["account"]])("/api/%s/ answers a JSON 404 for every method", async (...rest) => {
    for (const method of METHODS) {
      const res = await call(unknownApiEndpoint[method], method, `/api/${rest.join("/")}/`, { params: { rest: rest.join("/") } });
      expect(res.status, method).toBe(404);
      expect(res.json).toEqual({ success: false, error: "There is no API endpoint at this address." });
    }
  });
});

describe("GET /api/health/", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE"] as const)("answers %s with a JSON 405 and Allow: GET", async (method) => {
    const res = await call(health[method], method, "/api/health/");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
    expect(res.json).toEqual({ success: false, error: "This endpoint only accepts GET." });
  });
});

describe("malformed percent-escapes in the address", () => {
  const through = (path: string) => proxy(new NextRequest(`http://localhost:3000${path}`));

  it.each(["/messaging/api/mark-read/%E0%A4%A/", "/messaging/api/messages/%FF/", "/messaging/api/%C0%AF", "/api/auth/%FF"])(
    "%s is a JSON 400 with a sentence",
    async (path) => {
      const res = through(path);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.json()).toEqual({
        success: false,
        error: "This address has a malformed percent-escape (%XX), so it cannot be read.",
      });
    },
  );

  it.each(["/community/%E0%A4%A/", "/messaging/thread/%FF/", "/messaging/conversation/%E0/"])(
    "page %s is shown the app's 404 page (rewritten to an address no page has)",
    (path) => {
      const res = through(path);
      expect(res.headers.get("x-middleware-rewrite")).toBe("http://localhost:3000/no-such-page/");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    },
  );

  it("well-formed escapes pass through untouched", () => {
    const res = through("/community/al%69ce/");
    expect(res.headers.get("x-middleware-rewrite")).toBeNull();
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("cookies with malformed percent-escapes (found by the fuzzer: a 500 before)", () => {
  it("a session cookie that cannot be decoded is no session: 401", async () => {
    const res = await call(unreadCount, "GET", "/messaging/api/unread-count/", { headers: { cookie: "next-auth.session-token=%E0%A4%A" } });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe("You need to sign in to do that.");
  });

  it("a csrftoken cookie that cannot be decoded is a missing token: 403", async () => {
    const cookie = (await sessionCookie(alice)).replace(/csrftoken=[^;]*/, "csrftoken=%FF");
    const res = await call(send, "POST", "/", { body: { receiver_id: 1, content: "x" }, headers: { cookie, "x-csrftoken": "%FF" } });
    expect(res.status).toBe(403);
    expect(res.json.error).toBe("CSRF token missing. Reload the page and try again.");
  });
});

describe("Cache-Control: no-store on every API answer", () => {
  it("on successes, client errors, 401s, 404s, 405s and the unexpected 500", async () => {
    const answers = [
      await call(unreadCount, "GET", "/messaging/api/unread-count/", { as: alice }),
      await call(unreadCount, "GET", "/messaging/api/unread-count/"),
      await call(send, "POST", "/", { as: alice, body: { content: "no receiver" } }),
      await call(send, "POST", "/", { as: alice, body: { receiver_id: 1, content: "x" }, csrf: "wrong" }),
      await call(markRead, "POST", "/", { as: alice, params: { messageId: "987654321" } }),
      await call(async () => health.GET(), "GET", "/api/health/"),
      await call(health.POST, "POST", "/api/health/"),
      await call(unknownEndpoint.GET, "GET", "/messaging/api/nope/"),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 401, 400, 403, 404, 200, 405, 404]);
    for (const answer of answers) expect(answer.headers.get("cache-control")).toBe("no-store");
    const original = console.error;
    console.error = () => {};
    try {
      const crash = errorResponse(new Error("boom"));
      expect(crash.status).toBe(500);
      expect(crash.headers.get("cache-control")).toBe("no-store");
    } finally {
      console.error = original;
    }
  });
});
