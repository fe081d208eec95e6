import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, openSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

const SERVER_URL = "postgres://postgres@127.0.0.1:5432";
const ADMIN_URL = `${SERVER_URL}/postgres`;

/** True when the PostgreSQL server the two-instance tests need answers (user postgres, trust auth). */
export async function postgresReachable(): Promise<boolean> {
  const sql = postgres(ADMIN_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

export type Instance = { name: string; url: string; child: ChildProcess };

export type LiveInstances = {
  a: Instance;
  b: Instance;
  database: string;
  admin: postgres.Sql;
  /** Backend pids of the LISTEN connection(s) the instance holds. */
  listenerPids(instance: Instance): Promise<number[]>;
  stop(): Promise<void>;
};

function run(script: string, databaseUrl: string) {
  const result = spawnSync("npm", ["run", "-s", script], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm run ${script} failed: ${result.stderr || result.stdout}`);
}

async function startInstance(name: string, port: number, env: Record<string, string>): Promise<Instance> {
  const url = `http://localhost:${port}`;
  mkdirSync(path.join("test-results", "live-instances"), { recursive: true });
  const log = openSync(path.join("test-results", "live-instances", `${name}.log`), "w");
  // The production server (npm start): send, conversation pages and events go through its hot paths.
  // One trusted proxy hop, as the main e2e server: test members sign up from addresses of their own.
  const child = spawn(process.execPath, ["server.mjs"], {
    detached: true, // a process group of its own
    stdio: ["ignore", log, log],
    env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port), TRUST_PROXY_HOPS: "1", NEXTAUTH_URL: url },
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Instance ${name} exited with code ${child.exitCode}: see test-results/live-instances/${name}.log`);
    try {
      if ((await fetch(`${url}/login/`)).ok) return { name, url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopInstance({ name, url, child });
  throw new Error(`Instance ${name} did not answer ${url}/login/ within 120 s`);
}

function stopInstance({ child }: Instance): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
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

/** Local ports of the TCP connections to PostgreSQL (5432) held by the instance's processes (Linux /proc). */
function databasePortsOf(instance: Instance): Set<number> {
  const inodes = new Set<string>();
  for (const pid of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== instance.child.pid) continue;
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`, { encoding: "utf8" });
        if (target.startsWith("socket:[")) inodes.add(target.slice(8, -1));
      }
    } catch {
      // the process ended meanwhile
    }
  }
  const ports = new Set<number>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10 || !inodes.has(fields[9]!)) continue;
      if (parseInt(fields[2]!.split(":")[1]!, 16) === 5432) ports.add(parseInt(fields[1]!.split(":")[1]!, 16));
    }
  }
  return ports;
}

/**
 * Two production servers (A and B, `node server.mjs`) of the production build on one fresh
 * PostgreSQL database (migrated and seeded with the demo community), sharing
 * one session secret; `stop` ends both and drops the database.
 */
export async function startLiveInstances(ports: [number, number]): Promise<LiveInstances> {
  const database = `live_e2e_${randomBytes(6).toString("hex")}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${database}"`);
  const databaseUrl = `${SERVER_URL}/${database}`;
  const started: Instance[] = [];
  const stop = async () => {
    await Promise.all(started.map(stopInstance));
    await admin.unsafe(`drop database if exists "${database}" with (force)`);
    await admin.end({ timeout: 5 });
  };
  try {
    run("db:migrate", databaseUrl);
    run("db:seed", databaseUrl);
    const env = { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: randomBytes(32).toString("base64url") };
    started.push(await startInstance("a", ports[0], env));
    started.push(await startInstance("b", ports[1], env));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    a: started[0]!,
    b: started[1]!,
    database,
    admin,
    stop,
    async listenerPids(instance) {
      const ports = databasePortsOf(instance);
      const rows = await admin<{ pid: number; client_port: number }[]>`
        select pid, client_port from pg_stat_activity
        where datname = ${database} and application_name = 'community-listen'`;
      return rows.filter((r) => ports.has(r.client_port)).map((r) => r.pid);
    },
  };
}
