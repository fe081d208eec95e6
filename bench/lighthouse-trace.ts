import { readFileSync } from "node:fs";

/**
 * Reads traces written by `npm run bench:lighthouse -- --trace` and prints, per trace, what the page's main thread
 * spent its CPU on: the thread time (`tdur`, which waiting for a busy machine does not inflate) of each top-level
 * task, their sum, the "blocking time from CPU" (Σ max(0, 4 × CPU − 50 ms): the 4× slowdown Lighthouse simulates),
 * the longest tasks, and the CPU by script (evaluation, compile, function calls).
 * Usage: npx tsx bench/lighthouse-trace.ts bench/results/lighthouse-inbox-*.trace.tmp [--detail]
 */
type TraceEvent = {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; frame?: string } };
};

const TOP_LEVEL = new Set(["RunTask", "ThreadControllerImpl::RunTask", "ThreadPool_RunTask"]);
const BY_SCRIPT = new Set(["EvaluateScript", "v8.compile", "v8.compileModule", "FunctionCall", "v8.evaluateModule"]);
const short = (url: string) => url.replace(/^https?:\/\/[^/]+/, "").replace(/^\/_next\/static\/chunks\//, "") || "(inline)";

function analyse(file: string, detail: boolean) {
  const events = (JSON.parse(readFileSync(file, "utf8")) as { traceEvents: TraceEvent[] }).traceEvents;
  // The page's main thread: the renderer main thread with the most work.
  const mains = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const busiest = mains
    .map((m) => ({ m, n: events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === "X").length }))
    .sort((a, b) => b.n - a.n)[0]!.m;
  const onMain = events.filter((e) => e.pid === busiest.pid && e.tid === busiest.tid && e.ph === "X");
  const nav = events.find((e) => e.name === "navigationStart" && e.pid === busiest.pid)?.ts ?? onMain[0]!.ts;
  const tasks: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of onMain.filter((x) => TOP_LEVEL.has(x.name)).sort((a, b) => a.ts - b.ts)) {
    if (e.ts >= end && e.ts >= nav) {
      tasks.push(e);
      end = e.ts + (e.dur ?? 0);
    }
  }
  const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  const total = tasks.reduce((s, t) => s + cpu(t), 0);
  const blocking = tasks.reduce((s, t) => s + Math.max(0, 4 * cpu(t) - 50), 0);
  const long = tasks.filter((t) => 4 * cpu(t) > 50);
  console.info(`${file}\n  main-thread CPU ${total.toFixed(0)} ms in ${tasks.length} tasks; blocking from CPU ${blocking.toFixed(0)} ms; tasks over 12.5 ms CPU: ${long.map((t) => cpu(t).toFixed(1)).join(", ")}`);
  // CPU by script, counting only outermost script events.
  const scripts = new Map<string, number>();
  const sorted = onMain.filter((e) => BY_SCRIPT.has(e.name)).sort((a, b) => a.ts - b.ts);
  let scriptEnd = -Infinity;
  for (const e of sorted) {
    if (e.ts < scriptEnd || e.ts < nav) continue;
    scriptEnd = e.ts + (e.dur ?? 0);
    const key = short(e.args?.data?.url ?? "");
    scripts.set(key, (scripts.get(key) ?? 0) + cpu(e));
  }
  const top = [...scripts].sort((a, b) => b[1] - a[1]).slice(0, detail ? 20 : 6);
  console.info(`  script CPU: ${top.map(([u, ms]) => `${u} ${ms.toFixed(1)}`).join("; ")}`);
  if (detail) {
    for (const t of long) {
      const inside = onMain.filter((e) => e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0) && e !== t);
      const names = new Map<string, number>();
      for (const e of inside) names.set(e.name, (names.get(e.name) ?? 0) + cpu(e));
      console.info(`  task at +${((t.ts - nav) / 1000).toFixed(0)} ms, ${cpu(t).toFixed(1)} ms CPU: ${[...names].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join("; ")}`);
    }
  }
}

const detail = process.argv.includes("--detail");
for (const file of process.argv.slice(2).filter((a) => !a.startsWith("--"))) analyse(file, detail);
