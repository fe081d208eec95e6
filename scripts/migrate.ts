import { openScriptDatabase } from "./open";

const handle = await openScriptDatabase();
try {
  await handle.migrate();
  console.log(`Migrated the ${handle.kind === "postgres" ? "PostgreSQL" : "embedded"} database.`);
} finally {
  await handle.close();
}
