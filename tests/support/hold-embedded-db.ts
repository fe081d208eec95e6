// Opens the app's embedded database (DATA_DIR) like the server does, then waits for a signal.
import { getDb } from "@/db/connection";

try {
  await getDb();
  process.stdout.write("ready\n");
  setInterval(() => {}, 1000);
} catch (error) {
  process.stdout.write(`failed: ${(error as Error).message}\n`);
  process.exit(3);
}
