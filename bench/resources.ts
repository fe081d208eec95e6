import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import postgres from "postgres";
import { startCpuCount } from "./cpu";
import { databaseUrlFor } from "./database";
import { round } from "./stats";

/** Linux counts CPU time in clock ticks of 1/100 s (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;
const SAMPLE_MS = 2_000;

type ProcessSample = { ticks: number; rssKb: number; anonKb: number };

/** CPU time so far and memory of one process from /proc, or null once it is gone. */
function sampleProcess(pid: number): ProcessSample | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    return { ticks: Number(fields[11]) + Number(fields[12]), rssKb: kb("VmRSS"), anonKb: kb("RssAnon") };
  } catch {
    return null;
  }
}

/** Every process of a process group (the server started with setsid, and whatever it spawned). */
function groupMembers(groupId: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) === groupId) pids.push(Number(entry));
    } catch {
      /* the process ended meanwhile */
    }
  }
  return pids;
}

/** What a set of processes used over a step: CPU in % of one core (200 % is both cores here), memory in MB. */
export type Usage = { cpuPercent: number; rssMeanMb: number; rssPeakMb: number; anonMeanMb: number; anonPeakMb: number; processes: number };

class UsageTrack {
  private last = new Map<number, number>();
  private ticks = 0;
  private rss: number[] = [];
  private anon: number[] = [];
  private processes = 0;

  add(pids: number[]) {
    let rss = 0;
    let anon = 0;
    const seen = new Map<number, number>();
    for (const pid of pids) {
      const sample = sampleProcess(pid);
      if (!sample) continue;
      // A process first seen now counts from now (its earlier CPU was not in this step).
      const before = this.last.get(pid);
      if (before !== undefined) this.ticks += sample.ticks - before;
      seen.set(pid, sample.ticks);
      rss += sample.rssKb;
      anon += sample.anonKb;
    }
    this.last = seen;
    this.rss.push(rss / 1024);
    this.anon.push(anon / 1024);
    this.processes = Math.max(this.processes, seen.size);
  }

  usage(seconds: number): Usage {
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
    return {
      cpuPercent: round((this.ticks / TICKS_PER_SECOND / seconds) * 100, 0),
      rssMeanMb: round(mean(this.rss), 0),
      rssPeakMb: round(Math.max(0, ...this.rss), 0),
      anonMeanMb: round(mean(this.anon), 0),
      anonPeakMb: round(Math.max(0, ...this.anon), 0),
      processes: this.processes,
    };
  }
}

export type StepResources = {
  server: Usage;
  /** The PostgreSQL backends connected to the benchmark's database (absent on PGlite, which lives in the server). */
  postgres?: Usage;
  /** The load generator (this process): its CPU competes with the server's for the same cores. */
  generatorCpuPercent: number;
  /** The whole machine's busy CPU over the step, in % of one core (200 % is both cores busy): others' work included. */
  machineBusyPercent?: number;
  loadBefore: string;
  loadAfter: string;
};

const loadAverage = () => os.loadavg().map((n) => n.toFixed(1)).join(", ");

/**
 * Samples every 2 s, from `start` to `stop`: the server's process group and
 * the PostgreSQL backends of `database` (found in pg_stat_activity, read in /proc).
 */
export function sampleResources(serverGroup: number, database?: { serverUrl: string; name: string }) {
  const server = new UsageTrack();
  const backends = database ? new UsageTrack() : undefined;
  const admin = database ? postgres(databaseUrlFor(database.serverUrl, "postgres"), { max: 1, onnotice: () => {} }) : undefined;
  const begin = performance.now();
  const cpuBefore = process.cpuUsage();
  const loadBefore = loadAverage();
  const machine = startCpuCount([serverGroup]);
  let sampling = Promise.resolve();
  const sample = async () => {
    server.add(groupMembers(serverGroup));
    if (admin && backends) {
      const rows = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database!.name}`;
      backends.add(rows.map((r) => r.pid));
    }
  };
  const timer = setInterval(() => (sampling = sampling.then(sample).catch(() => {})), SAMPLE_MS);
  sampling = sampling.then(sample).catch(() => {});
  return {
    async stop(): Promise<StepResources> {
      clearInterval(timer);
      await sampling;
      await sample().catch(() => {});
      const seconds = (performance.now() - begin) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      await admin?.end();
      return {
        server: server.usage(seconds),
        postgres: backends?.usage(seconds),
        generatorCpuPercent: round(((cpu.user + cpu.system) / 1e6 / seconds) * 100, 0),
        machineBusyPercent: machine.stop().machineBusyPct,
        loadBefore,
        loadAfter: loadAverage(),
      };
    },
  };
}
