// Boots the app as the server does at start (instrumentation.ts), then says it is ready and exits.
import { bootOrExit } from "@/lib/boot";

await bootOrExit();
process.stdout.write("ready\n");
process.exit(0);
