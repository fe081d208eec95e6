import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(path.join(tmpdir(), "embedded-lock-"));
const children: ChildProcess[] = [];

/** Starts a process that boots the embedded database; resolves with its verdict line ("ready" or "failed: …") and the log before it. */
function holdDatabase(): Promise<{ child: ChildProcess; line: string; log: string[] }> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/hold-embedded-db.ts"], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      const lines = output.split("\n");
      const verdict = lines.findIndex((l) => l === "ready" || l.startsWith("failed:"));
      if (verdict >= 0) resolve({ child, line: lines[verdict]!, log: lines.slice(0, verdict) });
    });
    child.on("exit", (code) => reject(new Error(`exited with ${code} before answering: ${output}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the embedded database folder", () => {
  it("is created, migrated and seeded by the first process, refused to a second, and released on SIGTERM", async () => {
    const first = await holdDatabase();
    expect(first.line).toBe("ready");
    // Boot says in one line what it did, so a slow first start is explained.
    expect(first.log).toEqual([expect.stringMatching(/^Created the embedded database in .*pglite and loaded the demo community/)]);
    expect(existsSync(path.join(dataDir, "pglite.lock"))).toBe(true);

    const second = await holdDatabase().catch((error: Error) => ({ line: error.message, child: null, log: [] }));
    expect(second.line).toMatch(/already open in process \d+/);
    expect(second.line).toMatch(/set DATABASE_URL/);

    const exit = exited(first.child);
    first.child.kill("SIGTERM");
    expect(await exit).toBe(143);
    expect(existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);

    // The folder opens again after a clean close, and SIGINT closes it too.
    const third = await holdDatabase();
    expect(third.line).toBe("ready");
    expect(third.log).toEqual([expect.stringMatching(/^Opened the embedded database in /)]);
    const thirdExit = exited(third.child);
    third.child.kill("SIGINT");
    expect(await thirdExit).toBe(130);
  }, 240_000);

  it("takes over a lock left by a process that died", async () => {
    const { acquireDataDirLock } = await import("@/db/lock");
    const { writeFileSync } = await import("node:fs");
    const lockFile = path.join(dataDir, "stale.lock");
    writeFileSync(lockFile, "999999999");
    const release = acquireDataDirLock(lockFile);
    expect(existsSync(lockFile)).toBe(true);
    release();
    expect(existsSync(lockFile)).toBe(false);
  });
});
