import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchData, type DataRow } from "./data";
import { copyBenchDatabase, openBenchDatabase, type BenchDatabase } from "./database";
import { benchHttp, type HttpRow } from "./http";
import { toMarkdown, type BenchResults } from "./report";
import { buildApp, buildIsCurrent } from "./server";
import { sizeSpec, type SizeSpec } from "./sizes";
import { benchWrite, type WriteRow } from "./write";

const USAGE = `npm run bench -- [--size tiny|small|1m|5m[,size...]] [--only data,write,http] [--skip-http] [--build]
  [--runs 200] [--duration seconds] [--sessions 2000] | --render bench/results/<run>.json
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
        results.http = await benchHttp(copy, last!.dataset, { duration, sessions: Number(values.sessions) });
      }
    } finally {
      await copy.drop();
    }
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
