import { expect, test } from "./fixtures";
import { AuthPages } from "./pages/auth-pages";

test.describe("accounts", () => {
  test("sign up, sign out, and sign in again", async ({ page }) => {
    const auth = new AuthPages(page);
    const tag = `${Date.now().toString(36)}${test.info().project.name[0]}`;
    await auth.signUp({ name: "Test Person", username: `tp_${tag}`, email: `tp_${tag}@example.com`, password: "a-good-password" });
    await expect(page).toHaveURL(/\/messaging\/$/);
    await auth.openMemberMenu();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.keyboard.press("Escape");
    await auth.signOut();
    await auth.signIn(`TP_${tag}`, "a-good-password");
    await expect(page).toHaveURL(/\/messaging\/$/);
  });

  test("shows each sign-up problem beside its field", async ({ page }) => {
    const auth = new AuthPages(page);
    await auth.signUp({ name: "Someone", username: "alice", email: "alice-again@example.com", password: "short" });
    await expect(page.getByText("Passwords are at least 8 characters.")).toBeVisible();
    await page.getByLabel("Password", { exact: true }).fill("long-enough-now");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("That username is taken. Try another.")).toBeVisible();
  });

  test("sign-up with a registered email says no more than a failed sign-in", async ({ page }) => {
    const auth = new AuthPages(page);
    const tag = `${Date.now().toString(36)}${test.info().project.name[0]}`;
    await auth.signUp({ name: "Probe", username: `probe_${tag}`, email: "alice@example.com", password: "a-good-password" });
    await expect(page.getByText("If you already have an account with this email, sign in instead.", { exact: false })).toBeVisible();
    await expect(page).toHaveURL(/\/signup\//);
  });

  test("a wrong password is refused with a readable sentence", async ({ page }) => {
    const auth = new AuthPages(page);
    await auth.signIn("bob", "not-the-password");
    await expect(page.getByText("That username or email and password do not match.", { exact: false })).toBeVisible();
    await expect(page).toHaveURL(/\/login\//);
  });

  test("the login page names the demo accounts", async ({ page }) => {
    await page.goto("/login/");
    await expect(page.getByRole("complementary", { name: "Demo accounts" })).toContainText("demo-password");
  });

  test("a protected page sends you to sign in and back with ?next=", async ({ page }) => {
    await page.goto("/messaging/conversation/2/");
    await expect(page).toHaveURL(/\/login\/\?next=%2Fmessaging%2Fconversation%2F2%2F/);
    await new AuthPages(page).signIn("alice", "demo-password");
    await expect(page).toHaveURL(/\/messaging\/conversation\/2\/$/);
  });

  test("?next= is checked after normalising, so no spelling of another host is ever a redirect target", async ({ pageAs }) => {
    const page = await pageAs("alice");
    for (const page_ of ["/login/", "/signup/"]) {
      for (const next of ["%2F.%2F%2Fevil.example", "/.%5Cevil.example", "/%2e//evil.example", "//evil.example", "/%5C/evil.example"]) {
        const res = await page.request.get(`${page_}?next=${next}`, { maxRedirects: 0 });
        const location = res.headers()["location"] ?? "";
        expect(location, `${page_}?next=${next}`).not.toMatch(/^(\/\/|\/\\|[a-z]+:)/i);
        expect(new URL(location, "http://localhost").host, `${page_}?next=${next}`).toBe("localhost");
      }
    }
  });

  test("?next= never leaves the site", async ({ page }) => {
    await page.goto("/login/?next=https://evil.example/");
    await new AuthPages(page).signIn("carol", "demo-password");
    await expect(page).toHaveURL(/localhost:\d+\/messaging\/$/);
  });
});

test.describe("API contract over HTTP", () => {
  test("next-auth and the sign-in pages answer odd addresses without a 500", async ({ request }) => {
    const addresses = [
      "/api/auth/session/?callbackUrl=16",
      "/api/auth/csrf/?callbackUrl=16",
      "/api/auth/providers/?callbackUrl=16",
      "/api/auth/signin/?callbackUrl=16",
      "/api/auth/session/?callbackUrl=https%3A%2F%2Fevil.example%2F&callbackUrl=%2F",
      "/api/auth/undefined/?callbackUrl=29",
      "/login/?next=a&next=b",
      "/signup/?next=%2Fcommunity%2F&next=%2F%2Fevil.example",
    ];
    for (const address of addresses) {
      const res = await request.get(address, { maxRedirects: 0 });
      expect(res.status(), address).toBeLessThan(500);
    }
    const posted = await request.post("/api/auth/undefined/?callbackUrl=29", { data: {}, maxRedirects: 0 });
    expect(posted.status()).toBeLessThan(500);
    const badCookie = await request.get("/api/auth/session/", { headers: { cookie: "next-auth.callback-url=29" } });
    expect(badCookie.status()).toBeLessThan(500);
  });

  test("APIs answer 401 JSON when signed out, with and without the trailing slash", async ({ request }) => {
    for (const path of ["/messaging/api/unread-count/", "/messaging/api/unread-count"]) {
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.status()).toBe(401);
      expect(await res.json()).toEqual({ success: false, error: "You need to sign in to do that." });
    }
  });

  test("signed-in APIs answer on both URL forms; writes need the CSRF token", async ({ pageAs }) => {
    const page = await pageAs("alice");
    await page.goto("/messaging/");
    const result = await page.evaluate(async () => {
      const token = document.cookie.split("; ").find((c) => c.startsWith("csrftoken="))!.split("=")[1]!;
      const get = async (url: string) => (await fetch(url, { redirect: "manual" })).status;
      const send = (url: string, headers: Record<string, string>) =>
        fetch(url, { method: "POST", redirect: "manual", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify({ receiver_id: 2, content: "over http" }) });
      const withToken = await send("/messaging/api/send", { "X-CSRFToken": token });
      const without = await send("/messaging/api/send/", {});
      return {
        slash: await get("/messaging/api/unread-count/"),
        bare: await get("/messaging/api/unread-count"),
        sent: withToken.status,
        refused: without.status,
        refusedBody: await without.json(),
      };
    });
    expect(result).toMatchObject({ slash: 200, bare: 200, sent: 201, refused: 403 });
    expect(result.refusedBody.error).toMatch(/CSRF token missing/);
  });

  test("every response carries the security headers", async ({ request }) => {
    const res = await request.get("/login/");
    const headers = res.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["set-cookie"]).toMatch(/csrftoken=[^;]+;.*SameSite=lax/i);
  });

  test("old URLs redirect permanently", async ({ request }) => {
    const inbox = await request.get("/messaging/inbox/", { maxRedirects: 0 });
    expect([301, 308]).toContain(inbox.status());
    expect(inbox.headers()["location"]).toMatch(/\/messaging\/$/);
    const compose = await request.get("/messaging/compose/7/", { maxRedirects: 0 });
    expect([301, 308]).toContain(compose.status());
    expect(compose.headers()["location"]).toMatch(/\/messaging\/conversation\/7\/$/);
  });
});
