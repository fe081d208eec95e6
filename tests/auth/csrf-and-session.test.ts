import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-next";
import { decodeSessionToken, sessionUserId } from "@/lib/auth/session";
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

describe("decodeSessionToken", () => {
  it("reads the member and session ids from a valid session token only", async () => {
    const secret = process.env.NEXTAUTH_SECRET!;
    const good = await encode({ token: { sub: "42", sid: "s1" }, secret });
    expect(await decodeSessionToken(good)).toEqual({ memberId: 42, sessionId: "s1" });
    const otherSecret = await encode({ token: { sub: "42", sid: "s1" }, secret: "another-secret-entirely-123" });
    expect(await decodeSessionToken(otherSecret)).toBeNull();
    const expired = await encode({ token: { sub: "42", sid: "s1" }, secret, maxAge: -120 });
    expect(await decodeSessionToken(expired)).toBeNull();
    // Sessions made before sessions had ids are refused: their members sign in again.
    expect(await decodeSessionToken(await encode({ token: { sub: "42" }, secret }))).toBeNull();
    expect(await decodeSessionToken("garbage")).toBeNull();
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

  it("takes the first of a repeated ?next= (Next hands pages a list then)", () => {
    expect(safeNextPath(["/community/", "https://evil.example/"])).toBe("/community/");
    expect(safeNextPath(["//evil.example/", "/community/"])).toBe("/messaging/");
    expect(safeNextPath([])).toBe("/messaging/");
  });

  it("checks the normalised path it returns, so no spelling of another host gets through", () => {
    const escapes = [
      "/.//evil.example",
      decodeURIComponent("%2F.%2F%2Fevil.example"),
      "/.\\evil.example",
      "/%2e//evil.example",
      "/%2E//evil.example",
      "/./\\evil.example",
      "/a/..//evil.example",
      "/..//evil.example",
      "/\t/evil.example",
      "/\\/evil.example",
      "/%5C%5Cevil.example",
      "/%2F%2Fevil.example/",
    ];
    for (const next of escapes) {
      const path = safeNextPath(next);
      expect(path.startsWith("//") || path.startsWith("/\\"), `${next} -> ${path}`).toBe(false);
      expect(new URL(path, "https://chat.example.org").host, `${next} -> ${path}`).toBe("chat.example.org");
    }
    expect(safeNextPath("/.//evil.example")).toBe("/messaging/");
    expect(safeNextPath("/messaging/./conversation/2/")).toBe("/messaging/conversation/2/");
  });
});
