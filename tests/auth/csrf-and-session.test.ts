import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-next";
import { sessionUserId } from "@/lib/auth/session";
import { verifyCsrf } from "@/lib/csrf";
import { ApiError } from "@/lib/errors";

const post = (headers: Record<string, string>) =>
  new Request("http://localhost:3000/messaging/api/send/", { method: "POST", headers: { host: "localhost:3000", ...headers } });

function csrfStatus(req: Request): number | "ok" {
  try {
    verifyCsrf(req);
    return "ok";
  } catch (error) {
    return (error as ApiError).status;
  }
}

describe("verifyCsrf", () => {
  const token = { cookie: "csrftoken=abc123", "x-csrftoken": "abc123" };

  it("accepts a same-site request carrying the cookie back in the header", () => {
    expect(csrfStatus(post({ ...token, origin: "http://localhost:3000" }))).toBe("ok");
    expect(csrfStatus(post({ ...token }))).toBe("ok");
    expect(csrfStatus(post({ ...token, referer: "http://localhost:3000/messaging/" }))).toBe("ok");
  });

  it("honours the forwarded host behind a proxy", () => {
    const req = post({ ...token, origin: "https://chat.example.org", "x-forwarded-host": "chat.example.org" });
    expect(csrfStatus(req)).toBe("ok");
  });

  it("refuses other sites, missing or different tokens", () => {
    expect(csrfStatus(post({ ...token, origin: "http://localhost:3001" }))).toBe(403);
    expect(csrfStatus(post({ ...token, origin: "null" }))).toBe(403);
    expect(csrfStatus(post({ ...token, referer: "https://evil.example/page" }))).toBe(403);
    expect(csrfStatus(post({ cookie: "csrftoken=abc123" }))).toBe(403);
    expect(csrfStatus(post({ "x-csrftoken": "abc123" }))).toBe(403);
    expect(csrfStatus(post({ cookie: "csrftoken=abc123", "x-csrftoken": "abc124" }))).toBe(403);
  });
});

describe("sessionUserId", () => {
  it("reads the member id from a valid session cookie only", async () => {
    const secret = process.env.NEXTAUTH_SECRET!;
    const good = await encode({ token: { sub: "42" }, secret });
    expect(await sessionUserId(`next-auth.session-token=${good}`)).toBe(42);
    const otherSecret = await encode({ token: { sub: "42" }, secret: "another-secret-entirely-123" });
    expect(await sessionUserId(`next-auth.session-token=${otherSecret}`)).toBeNull();
    const expired = await encode({ token: { sub: "42" }, secret, maxAge: -120 });
    expect(await sessionUserId(`next-auth.session-token=${expired}`)).toBeNull();
    expect(await sessionUserId("next-auth.session-token=garbage")).toBeNull();
    expect(await sessionUserId(null)).toBeNull();
  });
});

describe("safeNextPath", () => {
  it("keeps same-site paths and drops everything else", () => {
    expect(safeNextPath("/messaging/conversation/3/?x=1")).toBe("/messaging/conversation/3/?x=1");
    expect(safeNextPath("https://evil.example/")).toBe("/messaging/");
    expect(safeNextPath("//evil.example/")).toBe("/messaging/");
    expect(safeNextPath("/\\evil.example")).toBe("/messaging/");
    expect(safeNextPath("javascript:alert(1)")).toBe("/messaging/");
    expect(safeNextPath(undefined)).toBe("/messaging/");
  });
});
