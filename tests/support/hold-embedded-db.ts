// Boots the app's embedded database (DATA_DIR) as the server does, then waits for a signal.
import { boot } from "@/lib/boot";

try {
  await boot();
  process.stdout.write("ready\n");
  setInterval(() => {}, 1000);
} catch (error) {
  process.stdout.write(`failed: ${(error as Error).message}\n`);
  process.exit(3);
}
