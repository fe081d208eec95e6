import { afterAll, beforeAll } from "vitest";
import { useDatabase, type DatabaseHandle } from "@/db/connection";
import { createTestDatabase } from "./database";

let handle: DatabaseHandle | undefined;

// One database per test file; tests inside a file share it and create their own members.
beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabase(handle);
});

afterAll(async () => {
  await handle?.close();
});
