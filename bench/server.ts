import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export const SERVER_LOG = path.join("bench", "results", "server.tmp");
const SOURCES = ["app", "lib", "db", "components", "proxy.ts", "hot-paths.ts", "next.config.ts", "package.json", "server.mjs"];

function newestSourceChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestSourceChange(path.join(entry, name))));
}

/** True when .next holds a production build newer than every source file. */
export function buildIsCurrent(): boolean {
  const marker = path.join(".next", "BUILD_ID");
  if (!existsSync(marker) || !existsSync(path.join(".next", "hot-paths", "index.mjs"))) return false;
  return statSync(marker).mtimeMs > Math.max(...SOURCES.map(newestSourceChange));
}

export function buildApp(log: (line: string) => void): void {
  log("npm run build (the production server is what gets measured)");
  const result = spawnSync("npm", ["run", "-s", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`npm run build failed with exit code ${result.status}`);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => probe.close(() => resolve(true)))
      .listen(port, "127.0.0.1");
  });
}

/** The first free port of ten from BENCH_PORT (default 3140, the range this machine gives benchmarks). */
export async function freePort(): Promise<number> {
  const first = Number(process.env.BENCH_PORT ?? 3140);
  for (let port = first; port < first + 10; port++) if (await portIsFree(port)) return port;
  throw new Error(`Ports ${first}-${first + 9} are all taken.`);
}

export type RunningServer = {
  url: string;
  /** Resident memory of the server process (the largest of its group: next-server), in bytes. */
  rss(): number;
  /** The server's process group (server.mjs and anything it starts), for CPU accounting (bench/cpu.ts). */
  group: number;
  stop(): Promise<void>;
};

/** VmRSS of the biggest process in a process group (Linux /proc), in bytes. */
function groupRss(groupId: number): number {
  let largest = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name (which may hold spaces): state, ppid, pgrp.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== groupId) continue;
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1];
      largest = Math.max(largest, Number(kb ?? 0) * 1024);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return largest;
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal); // the whole group: next start leaves next-server behind otherwise
      } catch {
        /* already gone */
      }
    };
    const force = setTimeout(() => kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    kill("SIGTERM");
  });
}

/** The production server (server.mjs) in its own process group (setsid), ready once /api/health/ answers. */
export async function startServer(env: Record<string, string>, port: number, log = SERVER_LOG): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  // The server's own log (e.g. "aborted" when autocannon hangs up mid-request) goes beside the results.
  mkdirSync(path.dirname(log), { recursive: true });
  const logFile = openSync(log, "w");
  // BENCH_CPU_PROF=<folder>: each server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...profile, "server.mjs"], {
    detached: true, // setsid(): a group of its own, stopped as one
    stdio: ["ignore", logFile, logFile],
    env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1" },
  });
  // If the benchmark dies or is interrupted, the server must not outlive it holding the port.
  const killNow = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* already gone */
    }
  };
  const interrupted = () => {
    killNow();
    process.exit(130);
  };
  process.once("exit", killNow);
  process.once("SIGINT", interrupted);
  const stop = async () => {
    await stopGroup(child);
    process.off("exit", killNow);
    process.off("SIGINT", interrupted);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}: see ${log}`);
    try {
      if ((await fetch(`${url}/api/health/`)).ok) return { url, stop, rss: () => groupRss(child.pid!), group: child.pid! };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error("The server did not answer /api/health/ within 60 s");
}
