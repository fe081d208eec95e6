import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { expect, test } from "@playwright/test";

// A second production server (npm start = server.mjs) of its own, so that exhausting its
// per-address limits cannot touch the server every other spec uses.
const port = Number(process.env.E2E_PORT ?? 3100) + 1;
const origin = `http://127.0.0.1:${port}`;
const dataDir = ".data-e2e-server";
let server: ChildProcess;

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

test.describe("the production server", () => {
  test.skip(({ isMobile }) => isMobile, "one server process; the device does not matter");
  test.describe.configure({ mode: "serial", timeout: 180_000 });

  test.beforeAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    server = spawn(process.execPath, ["server.mjs"], {
      detached: true,
      stdio: "ignore",
      env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1", DATA_DIR: dataDir, TRUST_PROXY_HOPS: "" },
    });
    for (let i = 0; i < 240; i++) {
      if ((await fetch(`${origin}/login/`).catch(() => null))?.ok) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error("server.mjs did not answer within 2 minutes");
  });

  test.afterAll(() => {
    try {
      process.kill(-server.pid!, "SIGKILL");
    } catch {
      /* already gone */
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("sign-in: a locked account stays locked whatever the body's shape; bad input is a 4xx with a sentence", async () => {
    const headers = { origin, cookie: "csrftoken=lock-test-token", "x-csrftoken": "lock-test-token" };
    const username = `locked_${Date.now().toString(36)}`;
    const signup = await fetch(`${origin}/api/account/signup/`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ username, email: `${username}@example.com`, name: "Locked", password: "the-right-password" }),
    });
    expect(signup.status).toBe(201);
    const signIn = (body: string, type = "application/x-www-form-urlencoded") =>
      fetch(`${origin}/api/auth/callback/credentials`, { method: "POST", redirect: "manual", headers: { "content-type": type }, body });
    const form = (fields: [string, string][]) => new URLSearchParams([...fields, ["json", "true"]]).toString();
    for (let i = 0; i < 10; i++) expect((await signIn(form([["username", username], ["password", `guess-${i}`]]))).status).not.toBe(429);
    const right = form([["username", username], ["password", "the-right-password"]]);
    expect((await signIn(right)).status).toBe(429);
    expect((await signIn(form([["username", "decoy"], ["username", username], ["password", "the-right-password"]]))).status).toBe(400);
    expect((await signIn(JSON.stringify({ username, password: "the-right-password" }), "application/json")).status).toBe(429);
    expect((await signIn(form([["username", `${username.toUpperCase()}@EXAMPLE.com`], ["password", "the-right-password"]]))).status).toBe(429);

    expect((await signIn(form([["username", "u".repeat(3000)], ["password", "x"]]))).status).toBe(400);
    expect((await signIn("username=a&password=b", "application/json")).status).toBe(400);
    const huge = await signIn("a".repeat(8 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect((await huge.json()).error).toBe("The request body is too large (64 KB at most).");
    const get = await fetch(`${origin}/api/auth/callback/credentials`, { redirect: "manual" });
    expect(get.status).toBe(405);
    expect((await get.json()).success).toBe(false);
  });

  test("keys per-address limits on the connection: forged X-Forwarded-For and peer headers change nothing", async () => {
    const signUp = (i: number) =>
      fetch(`${origin}/api/account/signup/`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin,
          cookie: "csrftoken=forge-test-token",
          "x-csrftoken": "forge-test-token",
          "x-forwarded-for": `198.51.100.${i % 250}`,
          "x-community-peer": `203.0.113.${i % 250}`,
        },
        body: JSON.stringify({ username: "x" }), // refused by validation, still counted
      });
    // 50 sign-ups an hour per address (one was spent above): every forged address still counts against this one.
    let allowed = 0;
    while (allowed < 60 && (await signUp(allowed)).status === 400) allowed++;
    expect(allowed).toBeGreaterThanOrEqual(49);
    expect(allowed).toBeLessThanOrEqual(50);
    const limited = await signUp(99);
    expect(limited.status).toBe(429);
    expect((await limited.json()).error).toMatch(/^Too many accounts created from your network\./);
  });

  test("listens only on HOSTNAME when it is set", async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4" && !a.internal);
    test.skip(!external, "this machine has no non-loopback address to try");
    const answer = await fetch(`http://${external!.address}:${port}/login/`).then(
      (r) => r.status,
      () => "refused",
    );
    expect(answer).toBe("refused");
  });

  test("closes the embedded database on SIGTERM and exits", async () => {
    expect(existsSync(`${dataDir}/pglite.lock`)).toBe(true);
    const exit = exited(server);
    process.kill(server.pid!, "SIGTERM");
    expect(await exit).toBe(143);
    expect(existsSync(`${dataDir}/pglite.lock`)).toBe(false);
  });
});
