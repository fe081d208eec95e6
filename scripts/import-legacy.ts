import { z } from "zod";
import { openPostgres } from "@/db/connection";
import { importLegacy, LegacyImportError } from "@/db/legacy/import";
import { formatReport, reconciles } from "@/db/legacy/report";
import { openScriptDatabase } from "./open";

const parsed = z
  .object({ LEGACY_DATABASE_URL: z.url("LEGACY_DATABASE_URL must be a postgres:// URL.").optional() })
  .safeParse({ LEGACY_DATABASE_URL: process.env.LEGACY_DATABASE_URL || undefined });
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => i.message).join("\n"));
  process.exit(1);
}
const { LEGACY_DATABASE_URL } = parsed.data;

const target = await openScriptDatabase();
const legacy = LEGACY_DATABASE_URL ? openPostgres(LEGACY_DATABASE_URL, { max: 1 }) : undefined;
let exitCode = 0;
try {
  await target.migrate();
  console.log(`Reading the old app from ${legacy ? "LEGACY_DATABASE_URL" : "the app's own database"}...`);
  const report = await importLegacy({
    source: (legacy ?? target).db,
    target: target.db,
    afterBatch: (batch, r) => {
      if (batch % 10 === 0) console.log(`  ${(r.messages.delivered.total + r.messages.quarantined.total).toLocaleString("en-US")} messages...`);
    },
  });
  console.log(formatReport(report).join("\n"));
  if (!reconciles(report)) exitCode = 2;
} catch (error) {
  if (!(error instanceof LegacyImportError)) throw error;
  console.error(`Import stopped: ${error.message}`);
  exitCode = 1;
} finally {
  await legacy?.close();
  await target.close();
}
process.exit(exitCode);
