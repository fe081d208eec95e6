// Opens the app's embedded database (DATA_DIR) like the server does, then waits for a signal.
import { getDb } from "@/db/client";

try {
  await getDb();
  console.log("ready");
  setInterval(() => {}, 1000);
} catch (error) {
  console.log(`failed: ${(error as Error).message}`);
  process.exit(3);
}
