import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { env } from "@/lib/env";
import { acquireDataDirLock } from "./lock";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: queries accept either. */
export type Executor = Pick<Database, "select" | "insert" | "update" | "delete" | "execute" | "transaction">;

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
};

const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/** Opens PostgreSQL through the `postgres` driver. */
export function openPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // JIT compiles inbox-sized plans for longer than they run.
    connection: { jit: "off" },
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    migrate: () => migratePostgres(db as never, { migrationsFolder }),
    close: () => client.end({ timeout: 5 }),
  };
}

/** Opens the embedded PGlite database in `dataDir`, or in memory when it is omitted. */
export async function openPglite(dataDir?: string): Promise<DatabaseHandle> {
  let release = () => {};
  if (dataDir) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    release = acquireDataDirLock(`${dataDir}.lock`);
  }
  try {
    const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    return {
      db,
      kind: "pglite",
      migrate: () => migratePglite(db as never, { migrationsFolder }),
      close: async () => {
        try {
          if (!client.closed) await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

type Holder = { handle?: Promise<DatabaseHandle>; closing?: boolean };
// Kept on globalThis so that dev hot reloads reuse the one handle on the data folder.
const holder = ((globalThis as { __communityDb?: Holder }).__communityDb ??= {});

async function openFromEnvironment(): Promise<DatabaseHandle> {
  const e = env();
  if (e.DATABASE_URL) return openPostgres(e.DATABASE_URL);
  const handle = await openPglite(path.join(e.dataDir, "pglite"));
  try {
    await handle.migrate();
    const { seedDemoCommunity } = await import("./seed");
    await seedDemoCommunity(handle.db, { onlyIfEmpty: true });
  } catch (error) {
    await handle.close();
    throw error;
  }
  closeOnExit(handle);
  return handle;
}

function closeOnExit(handle: DatabaseHandle) {
  const shutdown = (signal: NodeJS.Signals) => {
    if (holder.closing) return;
    holder.closing = true;
    void handle.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

/** The application's database: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise. */
export async function getDb(): Promise<Database> {
  if (!holder.handle) {
    const opening = openFromEnvironment();
    holder.handle = opening;
    // Never cache a failed start: the next request tries again.
    opening.catch(() => {
      if (holder.handle === opening) holder.handle = undefined;
    });
  }
  return (await holder.handle).db;
}

/** Makes `handle` the application's database (tests and scripts). */
export function useDatabase(handle: DatabaseHandle): void {
  holder.handle = Promise.resolve(handle);
}
