import { readdirSync, readFileSync } from "node:fs";

// Linux /proc: CPU time in clock ticks (USER_HZ, 100 on Linux).
const TICKS_PER_SECOND = 100;

type ProcStat = { pid: number; command: string; group: number; ticks: number };

function processes(): ProcStat[] {
  const found: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      // Fields after the command name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      found.push({ pid: Number(entry), command, group: Number(fields[2]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      /* the process ended meanwhile */
    }
  }
  return found;
}

/** Busy and total ticks of the whole machine (/proc/stat's first line). */
function machineTicks(): { busy: number; total: number } {
  const values = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

/** CPU used between `start` and `stop`, in % of one core, as ../shared/peers/ejabberd reports it. */
export type CpuUse = { appCpuPct: number; postgresCpuPct: number; benchCpuPct: number; machineBusyPct: number };

/**
 * Starts counting the CPU of the app's servers (their process groups), of every postgres process
 * and of this benchmark process; `stop()` gives each in % of one core over the interval.
 */
export function startCpuCount(serverGroups: number[]): { stop: () => CpuUse } {
  const sample = () => ({ all: processes(), machine: machineTicks(), at: performance.now() });
  const first = sample();
  const before = new Map(first.all.map((p) => [p.pid, p.ticks]));
  return {
    stop: () => {
      const last = sample();
      // Per process: what it used since the first sample (all of it when it started since); one that ended is not counted.
      const used = (keep: (p: ProcStat) => boolean) =>
        last.all.filter(keep).reduce((a, p) => a + p.ticks - (before.get(p.pid) ?? 0), 0);
      const seconds = (last.at - first.at) / 1000;
      const pct = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND / seconds) * 100);
      const cores = (last.machine.total - first.machine.total) / TICKS_PER_SECOND / seconds;
      return {
        appCpuPct: pct(used((p) => serverGroups.includes(p.group))),
        postgresCpuPct: pct(used((p) => p.command === "postgres")),
        benchCpuPct: pct(used((p) => p.pid === process.pid)),
        machineBusyPct: Math.round(((last.machine.busy - first.machine.busy) / (last.machine.total - first.machine.total)) * cores * 100),
      };
    },
  };
}
