import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

/** The csrftoken cookie a first visit gets, with NEXTAUTH_URL as given (the environment is read once per module load). */
async function csrfCookieFor(nextAuthUrl: string, requestUrl: string): Promise<string> {
  vi.stubEnv("NEXTAUTH_URL", nextAuthUrl);
  vi.resetModules();
  const { proxy } = await import("@/proxy");
  const response = proxy(new NextRequest(requestUrl));
  return response.headers.getSetCookie().find((c) => c.startsWith("csrftoken="))!;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("the csrftoken cookie", () => {
  it("is Secure when the public URL is https, even when the request reached the app over plain http", async () => {
    expect(await csrfCookieFor("https://chat.example.org", "http://10.0.0.5:3000/login/")).toMatch(/;\s*Secure/i);
  });

  it("is not Secure when the public URL is http, whatever the request's scheme", async () => {
    expect(await csrfCookieFor("http://localhost:3000", "https://localhost:3000/login/")).not.toMatch(/;\s*Secure/i);
  });
});
