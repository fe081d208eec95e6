import { useDatabase } from "@/db/connection";
import { seedDemoCommunity } from "@/db/seed";
import { hashPassword } from "@/lib/auth/password";
import { openScriptDatabase } from "./open";

const handle = await openScriptDatabase();
useDatabase(handle);
try {
  await handle.migrate();
  const seeded = await seedDemoCommunity(handle.db, { hashPassword });
  console.log(seeded ? "Loaded the demo community (alice, bob, carol: demo-password)." : "Demo community already loaded; nothing to do.");
} finally {
  await handle.close();
}
