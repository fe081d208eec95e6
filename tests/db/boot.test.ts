import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Runs the app's boot in a process of its own with this environment; its exit code and what it printed. */
function bootWith(env: Record<string, string | undefined>): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/boot-app.ts"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  child.stderr.on("data", (chunk) => (err += chunk));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, out, err })));
}

describe("starting with a broken environment", () => {
  it("stops at once with one sentence when NEXTAUTH_SECRET is missing in production with DATABASE_URL", async () => {
    const run = await bootWith({ NODE_ENV: "production", DATABASE_URL: "postgres://postgres@127.0.0.1:5432/postgres" });
    expect(run.code).toBe(1);
    expect(run.out).not.toContain("ready");
    expect(run.err.trim().split("\n")).toEqual([expect.stringMatching(/^Community Messages cannot start\. .*NEXTAUTH_SECRET/)]);
  });

  it("names the setting when DATABASE_URL is not a URL", async () => {
    const run = await bootWith({ NODE_ENV: "production", DATABASE_URL: "not a url", NEXTAUTH_SECRET: "x".repeat(32) });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^Community Messages cannot start\. .*DATABASE_URL/);
  });

  it("says which database it cannot reach instead of failing on every request", async () => {
    const run = await bootWith({ NODE_ENV: "production", DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere", NEXTAUTH_SECRET: "x".repeat(32) });
    expect(run.code).toBe(1);
    expect(run.err.trim().split("\n")).toEqual([
      expect.stringMatching(/^Community Messages cannot start\. Cannot connect to the database at 127\.0\.0\.1:1 \(DATABASE_URL\)/),
    ]);
  }, 60_000);
});
