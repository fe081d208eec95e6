import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchData, type DataRow } from "./data";
import { openBenchDatabase, type BenchDatabase } from "./database";
import { benchHttp, type HttpRow } from "./http";
import { toMarkdown, type BenchResults } from "./report";
import { buildApp, buildIsCurrent } from "./server";
import { sizeSpec, type SizeSpec } from "./sizes";
import { benchWrite, type WriteRow } from "./write";

const USAGE = `npm run bench -- [--size tiny|small|1m|5m[,size...]] [--only data,write,http] [--skip-http] [--build]
  [--runs 200] [--duration seconds] [--sessions 2000]
HTTP needs a production build newer than the sources: it runs next build when there is none,
except at size tiny (CI), where HTTP is skipped instead unless --build is given.
Sizes 1m and 5m need DATABASE_URL (each size loads once into its own bench_<size> database).
With two sizes the data layer is compared (ratio last/first); write and HTTP run on the last size.`;

const { values } = parseArgs({
  options: {
    size: { type: "string" },
    only: { type: "string" },
    "skip-http": { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    runs: { type: "string", default: "200" },
    duration: { type: "string" },
    sessions: { type: "string", default: "2000" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.info(USAGE);
  process.exit(0);
}

const serverUrl = process.env.DATABASE_URL || undefined;
const sizes: SizeSpec[] = (values.size ?? (serverUrl ? "small,1m" : "tiny,small")).split(",").map(sizeSpec);
const only = new Set((values.only ?? "data,write,http").split(","));
if (values["skip-http"]) only.delete("http");
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
    database: serverUrl ? "PostgreSQL (DATABASE_URL server, bench_<size> databases)" : "PGlite (.data-bench/)",
  },
  datasets: [],
  data: [] as DataRow[],
  write: [] as WriteRow[],
  http: [] as HttpRow[],
  notes: [],
};

async function main() {
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
  if (only.has("write")) {
    log(`write path at ${largest.name}`);
    const messages = largest.messages >= 1_000_000 ? 3_000 : 600;
    results.write = await benchWrite(last!, { messages, concurrency: serverUrl ? [1, 8] : [1] });
  }
  await last!.handle.close(); // the server gets its own copy: nothing else may hold the data
  if (only.has("http") && !buildIsCurrent() && largest.name === "tiny" && !values.build) {
    only.delete("http");
    results.notes.push("HTTP skipped: no production build newer than the sources (run `npm run build` first, or pass --build).");
  }
  if (only.has("http")) {
    if (!buildIsCurrent()) buildApp(log);
    log(`HTTP at ${largest.name}: ${duration} s per endpoint`);
    results.http = await benchHttp(last!, { serverUrl, duration, sessions: Number(values.sessions) });
  } else if (values["skip-http"]) {
    results.notes.push("HTTP skipped (--skip-http).");
  }
  const markdown = toMarkdown(results);
  console.info(`\n${markdown}`);
  const folder = path.join("bench", "results");
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${results.startedAt.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(folder, "latest.md"), markdown);
  log(`saved ${file} and ${path.join(folder, "latest.md")}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
