import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { openPglite, openPostgres, type DatabaseHandle } from "@/db/connection";
import { rowsOf } from "@/db/queries/sql";
import { appMeta } from "@/db/schema";
import { generateCommunity, type Dataset } from "./generate";
import type { SizeSpec } from "./sizes";

/** Bumped whenever the generator changes what it loads: older bench databases are rebuilt. */
const DATASET_VERSION = "1";
const MARKER_KEY = "bench_dataset";

export type BenchDatabase = {
  handle: DatabaseHandle;
  dataset: Dataset;
  /** Where a server process can find a copy: a database URL or a PGlite data folder. */
  location: { databaseUrl: string } | { pgliteDir: string };
  /** True when this run loaded the data, false when an earlier run's data was reused. */
  generated: boolean;
};

export const benchDatabaseName = (spec: SizeSpec) => `bench_${spec.name}`;
export const pgliteBenchDir = (spec: SizeSpec) => path.resolve(".data-bench", spec.name, "pglite");

export function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `work` with a connection to the server's maintenance database (create/drop databases). */
export async function withAdmin<T>(serverUrl: string, work: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(databaseUrlFor(serverUrl, "postgres"), { max: 1, onnotice: () => {} });
  try {
    return await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Fills statistics that a migration added after the data was loaded (the planner needs them). */
async function analyzeIfStale(handle: DatabaseHandle): Promise<void> {
  const [row] = rowsOf<{ missing: boolean }>(await handle.db.execute(sql`
    select exists (select 1 from pg_statistic_ext s
                   where not exists (select 1 from pg_statistic_ext_data d where d.stxoid = s.oid)) as missing`));
  if (row?.missing) await handle.db.execute(sql`analyze`);
}

async function readMarker(handle: DatabaseHandle): Promise<Dataset | undefined> {
  const [row] = await handle.db.select().from(appMeta).where(eq(appMeta.key, MARKER_KEY));
  if (!row) return undefined;
  const marker = JSON.parse(row.value) as { version: string; dataset: Dataset };
  return marker.version === DATASET_VERSION ? marker.dataset : undefined;
}

async function load(handle: DatabaseHandle, spec: SizeSpec, log: (line: string) => void): Promise<Dataset> {
  log(`generating ${spec.name}: ${spec.users.toLocaleString()} members, ~${spec.messages.toLocaleString()} messages`);
  const dataset = await generateCommunity(handle.db, spec);
  await handle.db.insert(appMeta).values({ key: MARKER_KEY, value: JSON.stringify({ version: DATASET_VERSION, dataset }) });
  log(`generated ${dataset.messages.toLocaleString()} messages in ${dataset.seconds.toFixed(1)} s`);
  return dataset;
}

async function openOnServer(serverUrl: string, spec: SizeSpec, log: (line: string) => void): Promise<BenchDatabase> {
  const name = benchDatabaseName(spec);
  const databaseUrl = databaseUrlFor(serverUrl, name);
  const exists = await withAdmin(serverUrl, async (admin) => (await admin`select 1 from pg_database where datname = ${name}`).length > 0);
  if (exists) {
    const handle = openPostgres(databaseUrl, { max: 10 });
    await handle.migrate();
    const dataset = await readMarker(handle);
    if (dataset) {
      await analyzeIfStale(handle);
      return { handle, dataset, location: { databaseUrl }, generated: false };
    }
    // Half-loaded or from an older generator: start again rather than guess.
    await handle.close();
    log(`${name} has no complete ${spec.name} data set: recreating it`);
    await withAdmin(serverUrl, (admin) => admin.unsafe(`drop database "${name}" with (force)`));
  }
  await withAdmin(serverUrl, (admin) => admin.unsafe(`create database "${name}"`));
  const handle = openPostgres(databaseUrl, { max: 10 });
  await handle.migrate();
  return { handle, dataset: await load(handle, spec, log), location: { databaseUrl }, generated: true };
}

async function openEmbedded(spec: SizeSpec, log: (line: string) => void): Promise<BenchDatabase> {
  const dir = pgliteBenchDir(spec);
  let handle = await openPglite(dir);
  await handle.migrate();
  const dataset = await readMarker(handle);
  if (dataset) {
    await analyzeIfStale(handle);
    return { handle, dataset, location: { pgliteDir: dir }, generated: false };
  }
  const [row] = rowsOf<{ count: number }>(await handle.db.execute(sql`select count(*)::int as count from users`));
  if ((row?.count ?? 0) > 0) {
    log(`${dir} has no complete ${spec.name} data set: recreating it`);
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
    handle = await openPglite(dir);
    await handle.migrate();
  }
  return { handle, dataset: await load(handle, spec, log), location: { pgliteDir: dir }, generated: true };
}

/**
 * The benchmark database of a size, loaded once and reused: `bench_<size>` on the
 * server of DATABASE_URL (never the database it names), or a PGlite folder under .data-bench/.
 */
export async function openBenchDatabase(
  spec: SizeSpec,
  serverUrl: string | undefined,
  log: (line: string) => void,
): Promise<BenchDatabase> {
  if (serverUrl) return openOnServer(serverUrl, spec, log);
  if (spec.postgresOnly) throw new Error(`Size ${spec.name} needs PostgreSQL: set DATABASE_URL.`);
  return openEmbedded(spec, log);
}

/** A throwaway copy of a bench database: where the write and HTTP benchmarks may write. */
export type BenchCopy = { env: Record<string, string>; open(): Promise<DatabaseHandle>; drop(): Promise<unknown> };

export async function copyBenchDatabase(bench: BenchDatabase, serverUrl: string | undefined): Promise<BenchCopy> {
  const tag = `${bench.dataset.size}_copy_${process.pid}`;
  if ("databaseUrl" in bench.location) {
    const source = new URL(bench.location.databaseUrl).pathname.slice(1);
    const name = `bench_${tag}`;
    await withAdmin(serverUrl!, (admin) => admin.unsafe(`create database "${name}" template "${source}" strategy file_copy`));
    const databaseUrl = databaseUrlFor(serverUrl!, name);
    return {
      env: { DATABASE_URL: databaseUrl },
      open: async () => openPostgres(databaseUrl, { max: 2 }),
      drop: () => withAdmin(serverUrl!, (admin) => admin.unsafe(`drop database if exists "${name}" with (force)`)),
    };
  }
  const dataDir = path.resolve(".data-bench", tag);
  cpSync(bench.location.pgliteDir, path.join(dataDir, "pglite"), { recursive: true });
  return {
    env: { DATA_DIR: dataDir },
    open: () => openPglite(path.join(dataDir, "pglite")),
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
