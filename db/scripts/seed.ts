import { useDatabase } from "../connection";
import { seedDemoCommunity } from "../seed";
import { openScriptDatabase } from "./open";

const handle = await openScriptDatabase();
useDatabase(handle);
try {
  await handle.migrate();
  const seeded = await seedDemoCommunity(handle.db);
  console.log(seeded ? "Loaded the demo community (alice, bob, carol: demo-password)." : "Demo community already loaded; nothing to do.");
} finally {
  await handle.close();
}
