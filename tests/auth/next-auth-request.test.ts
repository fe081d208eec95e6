import { describe, expect, it } from "vitest";
import { forNextAuth, refuseUnreadableCallbackCookie } from "@/lib/auth/next-auth-request";

const at = (path: string, cookie = "") =>
  new Request(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });

describe("what next-auth is handed", () => {
  it("keeps a same-site callbackUrl and drops one next-auth cannot read or that leaves the site", () => {
    expect(new URL(forNextAuth(at("/api/auth/signin/?callbackUrl=%2Fcommunity%2F")).url).searchParams.get("callbackUrl")).toBe("/community/");
    expect(new URL(forNextAuth(at("/api/auth/signin/?callbackUrl=http%3A%2F%2Flocalhost%3A3000%2Fx")).url).searchParams.get("callbackUrl")).toBe("http://localhost:3000/x");
    for (const bad of ["16", "https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example", "javascript%3Aalert(1)"]) {
      expect(new URL(forNextAuth(at(`/api/auth/session/?callbackUrl=${bad}&x=1`)).url).search, bad).toBe("?x=1");
    }
    expect(new URL(forNextAuth(at("/api/auth/session/?callbackUrl=%2Fa&callbackUrl=%2Fb")).url).searchParams.has("callbackUrl")).toBe(false);
  });

  it("refuses an unreadable callback-url cookie with a 400 that clears it, and lets a readable one through", async () => {
    const refused = refuseUnreadableCallbackCookie(at("/api/auth/session/", "a=1; next-auth.callback-url=29; __Secure-next-auth.callback-url=%E0%A4%A; b=2"))!;
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatch(/cannot be used; it has been cleared/);
    expect(refused.headers.getSetCookie()).toEqual([
      "next-auth.callback-url=; Path=/; Max-Age=0; SameSite=Lax",
      "__Secure-next-auth.callback-url=; Path=/; Max-Age=0; SameSite=Lax; Secure",
    ]);
    expect(refuseUnreadableCallbackCookie(at("/api/auth/session/", "next-auth.callback-url=%2Fmessaging%2F"))).toBeNull();
    // next-auth sets it to the public URL, which behind a proxy is not the address the app sees: left to next-auth.
    expect(refuseUnreadableCallbackCookie(at("/api/auth/session/", "next-auth.callback-url=https%3A%2F%2Fchat.example.org%2F"))).toBeNull();
    expect(refuseUnreadableCallbackCookie(at("/api/auth/session/"))).toBeNull();
  });
});
