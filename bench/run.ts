import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchData, type DataRow } from "./data";
import { benchCommunity, type CommunityOptions } from "./community";
import { copyBenchDatabase, openBenchDatabase, type BenchDatabase } from "./database";
import { benchHttp, type HttpRow } from "./http";
import { benchLive, type LiveOptions } from "./live";
import { toMarkdown, type BenchResults } from "./report";
import { buildApp, buildIsCurrent, freePort } from "./server";
import { sizeSpec, type SizeSpec } from "./sizes";
import { benchWrite, type WriteRow } from "./write";

const USAGE = `npm run bench -- [--size tiny|small|1m|5m[,size...]] [--only data,write,http,live,community] [--skip-http] [--build]
  [--runs 200] [--duration seconds] [--sessions 2000] [--streams 1000] [--rate 100] [--memory-streams 1000,5000]
  [--members 250,500,1000,2000,3000,5000 (the community steps)]
  [--search-rates 150,200 (the rate search's steps; "none" for the fixed rate only)]
  [--ports 3140,3141] [--hot-paths on,off (HTTP with server.mjs's hot paths, then all through Next)]
  | --render bench/results/<run>.json
HTTP needs a production build newer than the sources: it runs next build when there is none,
except at size tiny (CI), where HTTP is skipped instead unless --build is given.
Sizes 1m and 5m need DATABASE_URL (each size loads once into its own bench_<size> database).
With two sizes the data layer is compared (ratio last/first); write and HTTP run on the last size.
Live delivery runs only when asked (--only live; --skip-http skips it too) and needs DATABASE_URL: two
next start instances on a fresh bench_live_<pid> database, 60 s per rate (--duration), --streams open
(1,000; memory at 1,000 and 5,000). At --size tiny it is a quick check: 20 streams, 20/s for 5 s.
The community load model runs only when asked (--only community; --skip-http skips it too): one next start on a
fresh database (PostgreSQL with DATABASE_URL, else PGlite), each step of --members held for --duration seconds
(default 300) with every member's stream open, until a step misses p99 ≤ 1 s, errs or loses a message.
At --size tiny it is a quick check: 20 members for 5 s. Its port is the first free one from BENCH_PORT (3140).`;

const { values } = parseArgs({
  options: {
    size: { type: "string" },
    only: { type: "string" },
    "skip-http": { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    runs: { type: "string", default: "200" },
    duration: { type: "string" },
    sessions: { type: "string", default: "2000" },
    streams: { type: "string" },
    rate: { type: "string" },
    "memory-streams": { type: "string" },
    members: { type: "string" },
    "search-rates": { type: "string" },
    ports: { type: "string" },
    "hot-paths": { type: "string" },
    render: { type: "string" },
    help: { type: "boolean", default: false },
  },
});
if (values.render) {
  // Re-renders a saved run (e.g. after a change to the report) without measuring again.
  const saved = JSON.parse(readFileSync(values.render, "utf8")) as BenchResults;
  writeFileSync(path.join("bench", "results", "latest.md"), toMarkdown(saved));
  console.info(toMarkdown(saved));
  process.exit(0);
}
if (values.help) {
  console.info(USAGE);
  process.exit(0);
}

const serverUrl = process.env.DATABASE_URL || undefined;
const sizes: SizeSpec[] = (values.size ?? (serverUrl ? "small,1m" : "tiny,small")).split(",").map(sizeSpec);
const only = new Set((values.only ?? "data,write,http").split(","));
if (values["skip-http"]) {
  only.delete("http");
  only.delete("live");
  only.delete("community");
}
const largest = sizes.at(-1)!;
const runs = Math.max(200, Number(values.runs));
const duration = Number(values.duration ?? (largest.messages >= 1_000_000 ? 10 : 5));
const log = (line: string) => console.info(`[bench] ${line}`);

const results: BenchResults = {
  startedAt: new Date().toISOString(),
  command: ["npm run bench --", ...process.argv.slice(2)].join(" ").replace(/ --$/, ""),
  machine: {
    cpus: os.cpus().length,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    database: !serverUrl
      ? "PGlite (.data-bench/)"
      : only.size === 1 && only.has("live")
        ? "PostgreSQL (DATABASE_URL server, a fresh bench_live_<pid> database)"
        : only.size === 1 && only.has("community")
          ? "PostgreSQL (DATABASE_URL server, a fresh bench_community_<pid> database)"
          : "PostgreSQL (DATABASE_URL server, bench_<size> databases)",
  },
  datasets: [],
  data: [] as DataRow[],
  write: [] as WriteRow[],
  http: [] as HttpRow[],
  notes: [],
};

function liveOptions(): LiveOptions {
  const ports = (values.ports ?? "").split(",").filter(Boolean).map(Number);
  const common = { ports: [ports[0] ?? 3140, ports[1] ?? (ports[0] ?? 3140) + 1] as [number, number] };
  if (largest.name === "tiny") {
    return { ...common, streams: 20, memoryStreams: [20], rate: 20, seconds: Number(values.duration ?? 5), searchRates: [], senders: 20 };
  }
  const streams = Number(values.streams ?? 1_000);
  return {
    ...common,
    streams,
    memoryStreams: (values["memory-streams"] ?? `${streams},5000`).split(",").filter(Boolean).map(Number).filter((n) => n > 0).sort((a, b) => a - b),
    rate: Number(values.rate ?? 100),
    seconds: Number(values.duration ?? 60),
    searchRates: values["search-rates"] === undefined
      ? [10, 25, 50, 75, 150, 200, 250, 300, 400, 500, 600, 800, 1_000]
      : values["search-rates"].split(",").map(Number).filter((n) => n > 0),
    senders: 1_000,
  };
}

async function live() {
  if (!serverUrl) {
    results.notes.push("Live delivery skipped: it needs PostgreSQL (set DATABASE_URL).");
    return;
  }
  if (!buildIsCurrent()) {
    results.notes.push("Live delivery: no production build newer than the sources, so this run ran `next build` first.");
    buildApp(log);
  }
  const load = () => os.loadavg().map((n) => n.toFixed(1)).join(", ");
  const loadBefore = load();
  results.live = await benchLive(serverUrl, liveOptions(), log);
  // The machine is shared: the load says how much of the 2 cores others were using.
  results.notes.push(`Live delivery: load average (1, 5, 15 min) ${loadBefore} before, ${load()} after.`);
}

async function communityOptions(): Promise<CommunityOptions> {
  const port = await freePort();
  if (largest.name === "tiny") return { members: [20], seconds: Number(values.duration ?? 5), port };
  const members = (values.members ?? "250,500,1000,2000,3000,5000").split(",").map(Number).filter((n) => n >= 2);
  if (!members.length) throw new Error("--members needs at least one community size of 2 or more, e.g. --members 250,500.");
  return { members, seconds: Number(values.duration ?? 300), port };
}

async function community() {
  if (!buildIsCurrent()) {
    results.notes.push("Community: no production build newer than the sources, so this run ran `next build` first.");
    buildApp(log);
  }
  results.community = await benchCommunity(serverUrl, await communityOptions(), log);
}

async function main() {
  if (only.has("live")) await live();
  if (only.has("community")) await community();
  if (only.has("data") || only.has("write") || only.has("http")) await sized();
  const markdown = toMarkdown(results);
  console.info(`\n${markdown}`);
  const folder = path.join("bench", "results");
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${results.startedAt.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(folder, "latest.md"), markdown);
  log(`saved ${file} and ${path.join(folder, "latest.md")}`);
}

/** The benchmarks on the generated data sets: data layer, write path, HTTP. */
async function sized() {
  let last: BenchDatabase | undefined;
  for (const spec of sizes) {
    await last?.handle.close();
    last = await openBenchDatabase(spec, serverUrl, log);
    results.datasets.push(last.dataset);
    if (only.has("data")) {
      log(`data layer at ${spec.name} (${runs} runs per operation)`);
      results.data.push(...(await benchData(last, runs)));
    }
  }
  await last!.handle.close(); // copied next: nothing may hold the data set open
  if (only.has("http") && !buildIsCurrent() && largest.name === "tiny" && !values.build) {
    only.delete("http");
    results.notes.push("HTTP skipped: no production build newer than the sources (run `npm run build` first, or pass --build).");
  }
  if (values["skip-http"]) results.notes.push("HTTP skipped (--skip-http).");
  if (only.has("write") || only.has("http")) {
    const copy = await copyBenchDatabase(last!, serverUrl);
    try {
      if (only.has("write")) {
        log(`write path at ${largest.name} (on a copy of the data set)`);
        const handle = await copy.open();
        const messages = largest.messages >= 1_000_000 ? 3_000 : 600;
        const concurrency = serverUrl ? [1, 8] : [1];
        results.write = await benchWrite(handle, last!.dataset, { messages, concurrency }).finally(() => handle.close());
      }
      if (only.has("http")) {
        if (!buildIsCurrent()) buildApp(log);
        log(`HTTP at ${largest.name}: ${duration} s per endpoint (on a copy of the data set)`);
        for (const mode of (values["hot-paths"] ?? "on").split(",")) {
          const rows = await benchHttp(copy, last!.dataset, { duration, sessions: Number(values.sessions), hotPaths: mode !== "off" });
          results.http.push(...rows);
        }
      }
    } finally {
      await copy.drop();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
