import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { is, type SQL } from "drizzle-orm";
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres, PostgresJsSession } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { env } from "@/env";
import { acquireDataDirLock } from "./lock";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: queries accept either. */
export type Executor = Pick<Database, "select" | "insert" | "update" | "delete" | "execute" | "transaction">;

/** What a LISTEN subscriber hears: each notification, and each (re)connection of the listener. */
export type ListenHandlers = {
  onNotify: (payload: string) => void;
  /** Called when listening starts, and again after the listening connection came back (`reconnected`). */
  onListen?: (reconnected: boolean) => void;
};

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  /** LISTEN on `channel` (lowercase); resolves to an unsubscribe function. */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

const dialect = new PgDialect();

const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/** Opens PostgreSQL through the `postgres` driver; LISTEN gets a connection of its own, opened on first use. */
export function openPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  const settings = {
    onnotice: () => {},
    // JIT compiles inbox-sized plans for longer than they run. A synchronized scan starts where the last scan of
    // a big table stopped, so member search (the first matches of a scan) answered differently call after call.
    connection: { jit: "off", synchronize_seqscans: "off" },
  } as const;
  const client = postgres(url, { ...settings, max: options.max ?? 10 });
  let listener: postgres.Sql | undefined;
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    migrate: () => migratePostgres(db as never, { migrationsFolder }),
    async listen(channel, { onNotify, onListen }) {
      listener ??= postgres(url, { ...settings, max: 1, connection: { ...settings.connection, application_name: "community-listen" } });
      let listening = false;
      // postgres.js reconnects by itself with back-off and calls onlisten again.
      const { unlisten } = await listener.listen(channel, onNotify, () => {
        onListen?.(listening);
        listening = true;
      });
      return unlisten;
    },
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), listener?.end({ timeout: 1 })]);
    },
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
    // As on PostgreSQL (openPostgres): search's scans start at the table's first page every time.
    await client.exec("set synchronize_seqscans = off");
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    return {
      db,
      kind: "pglite",
      migrate: () => migratePglite(db as never, { migrationsFolder }),
      async listen(channel, { onNotify, onListen }) {
        // In-process: a NOTIFY from this instance reaches its own listeners at commit.
        const unlisten = await client.listen(channel, onNotify);
        onListen?.(false);
        return unlisten;
      },
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

type Holder = { handle?: Promise<DatabaseHandle> };
// One per process, in lib/process-wide.ts's record (db/ imports nothing from lib/): dev hot reloads and the
// hot paths' bundle (hot-paths.ts) reuse the one handle on the data folder.
const processValues = ((globalThis as { __community?: Record<string, unknown> }).__community ??= {});
const holder = (processValues.database ??= {}) as Holder;

function openFromEnvironment(): Promise<DatabaseHandle> {
  const e = env();
  return e.DATABASE_URL ? Promise.resolve(openPostgres(e.DATABASE_URL, { max: e.DATABASE_POOL_SIZE })) : openPglite(path.join(e.dataDir, "pglite"));
}

/**
 * The application's database handle: PostgreSQL when DATABASE_URL is set,
 * embedded PGlite otherwise. It only opens; migrating and seeding are boot's (lib/boot.ts).
 */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (!holder.handle) {
    const opening = openFromEnvironment();
    holder.handle = opening;
    // Never cache a failed start: the next caller tries again.
    opening.catch(() => {
      if (holder.handle === opening) holder.handle = undefined;
    });
  }
  return holder.handle;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/**
 * Runs a hot statement as a prepared statement on PostgreSQL (parsed and planned
 * once per connection; drizzle's `execute` sends every statement unprepared).
 * Only for statements whose text does not vary with the data: postgres.js keeps
 * each text per connection. PGlite runs it as `execute` does.
 */
export async function executePrepared(executor: Executor, query: SQL): Promise<unknown> {
  const session = (executor as { session?: unknown }).session;
  if (!is(session, PostgresJsSession)) return executor.execute(query);
  const client = (session as unknown as { client: postgres.Sql }).client;
  const { sql: text, params } = dialect.sqlToQuery(query);
  return client.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true });
}

/** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
export async function withTransaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction((tx) => work(tx as Executor));
}

/** Closes the application's database, if it was opened. */
export async function closeDatabase(): Promise<void> {
  const opening = holder.handle;
  holder.handle = undefined;
  if (opening) await (await opening.catch(() => undefined))?.close();
}

/** Makes `handle` the application's database (tests and scripts). */
export function useDatabase(handle: DatabaseHandle): void {
  holder.handle = Promise.resolve(handle);
}
