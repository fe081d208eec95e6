import { sql } from "drizzle-orm";
import { closeDatabase, getDatabaseHandle, type DatabaseHandle } from "@/db/connection";
import { seedDemoCommunity } from "@/db/seed";
import { authSecret, env } from "@/env";
import { hashPassword } from "@/lib/auth/password";
import { startLiveDelivery } from "@/lib/live/hub";
import { bridgeSessionRevocations } from "@/lib/live/session-bridge";
import { processWide } from "@/lib/process-wide";
import { exitOnSignals, onShutdown } from "@/lib/shutdown";

/** A reason the app cannot start, as a sentence for the operator. */
export class BootError extends Error {}

/** The driver's own words (drizzle wraps them in "Failed query: …"), on one line. */
function rootMessage(error: unknown): string {
  let e = error as { message?: string; cause?: unknown } | undefined;
  while (e?.cause) e = e.cause as typeof e;
  const text = e?.message || (e as { code?: string } | undefined)?.code || String(error);
  return text.replace(/\s+/g, " ").trim();
}

async function prepareEmbedded(handle: DatabaseHandle, dataDir: string) {
  await handle.migrate();
  const seeded = await seedDemoCommunity(handle.db, { onlyIfEmpty: true, hashPassword });
  console.info(
    seeded
      ? `Created the embedded database in ${dataDir}/pglite and loaded the demo community: sign in as alice, bob or carol with demo-password.`
      : `Opened the embedded database in ${dataDir}/pglite.`,
  );
}

async function checkServer(handle: DatabaseHandle, url: string) {
  const where = new URL(url).host;
  try {
    await handle.db.execute(sql`select 1`);
  } catch (error) {
    throw new BootError(`Cannot connect to the database at ${where} (DATABASE_URL): ${rootMessage(error)}`);
  }
  const migrated = await handle.db.execute(sql`select to_regclass('public.messages') is not null as ok`);
  const ok = (Array.isArray(migrated) ? migrated : (migrated as { rows: unknown[] }).rows)[0] as { ok: boolean } | undefined;
  if (!ok?.ok) throw new BootError(`The database at ${where} has no tables yet: run \`npm run db:migrate\` first.`);
}

/**
 * Everything the app needs before its first request, once: the environment,
 * the database (the embedded one is migrated and seeded here), live delivery
 * and a clean shutdown on SIGTERM/SIGINT. Throws a BootError with a sentence.
 */
export async function boot(): Promise<void> {
  const e = env();
  authSecret();
  exitOnSignals();
  let handle: DatabaseHandle;
  try {
    handle = await getDatabaseHandle();
  } catch (error) {
    throw new BootError(`Cannot open the database: ${rootMessage(error)}`);
  }
  onShutdown(closeDatabase);
  if (handle.kind === "pglite") await prepareEmbedded(handle, e.DATA_DIR);
  else await checkServer(handle, e.DATABASE_URL!);
  await startLiveDelivery(handle);
  bridgeSessionRevocations();
}

async function bootOrExitOnce(): Promise<void> {
  try {
    await boot();
  } catch (error) {
    console.error(`Community Messages cannot start. ${rootMessage(error)}`);
    await closeDatabase().catch(() => {});
    process.exit(1);
  }
}

/**
 * Boots, or says in one line why it cannot and exits. Both entries call it, instrumentation.ts for Next and
 * hot-paths.ts for server.mjs: the first call boots, every later one (from either bundle) waits for that boot.
 */
export function bootOrExit(): Promise<void> {
  const once = processWide<{ booting?: Promise<void> }>("boot", () => ({}));
  return (once.booting ??= bootOrExitOnce());
}
