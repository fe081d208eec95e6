import path from "node:path";
import { openPglite, openPostgres, type DatabaseHandle } from "@/db/connection";
import { env } from "@/env";

/** The database a command-line script works on: DATABASE_URL, or the embedded data folder. */
export async function openScriptDatabase(): Promise<DatabaseHandle> {
  const e = env();
  return e.DATABASE_URL ? openPostgres(e.DATABASE_URL, { max: 4 }) : openPglite(path.join(e.dataDir, "pglite"));
}
