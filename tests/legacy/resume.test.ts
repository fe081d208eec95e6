import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database, type DatabaseHandle } from "@/db/connection";
import { importLegacy } from "@/db/legacy/import";
import { reconciles } from "@/db/legacy/report";
import { computeSummariesFromMessages, rebuildConversationSummaries } from "@/db/queries/summaries";
import { rowsOf } from "@/db/queries/sql";
import { createTestDatabase } from "../support/database";
import { generateOldData, writeOldData } from "./generator";
import { snapshot } from "./snapshot";

// The old tables live in `clean`, which is imported in one run; `resumed`, a second app
// database, reads them from there (as with LEGACY_DATABASE_URL) and is interrupted.
let clean: Database;
let resumed: DatabaseHandle;
const BATCH = 500;

beforeAll(async () => {
  clean = await getDb();
  resumed = await createTestDatabase();
  await writeOldData(clean, generateOldData({ seed: 7 }));
  await importLegacy({ source: clean, target: clean, batchSize: BATCH });
});

afterAll(async () => {
  await resumed?.close();
});

const ids = async (db: Database, table: "messages" | "legacy_message_quarantine", from = 0) =>
  rowsOf<{ id: number }>(await db.execute(sql`select id::int from ${sql.identifier(table)} where id >= ${from} order by id`)).map((r) => r.id);

const summariesMatchMessages = async (db: Database) => {
  const stored = rowsOf<{ owner_id: number; partner_id: number; last_message_id: number; unread_count: number }>(
    await db.execute(sql`select owner_id, partner_id, last_message_id::int, unread_count from conversation_summaries order by 1, 2`),
  );
  const computed = (await computeSummariesFromMessages(db))
    .map(({ owner_id, partner_id, last_message_id, unread_count }) => ({ owner_id, partner_id, last_message_id, unread_count }))
    .sort((a, b) => a.owner_id - b.owner_id || a.partner_id - b.partner_id);
  expect(stored).toEqual(computed);
};

describe("an import killed half-way and run again", () => {
  it("ends exactly like one clean run", async () => {
    const killed = importLegacy({
      source: clean,
      target: resumed.db,
      batchSize: BATCH,
      afterBatch: (batch) => {
        if (batch === 4) throw new Error("killed after four batches");
      },
    });
    await expect(killed).rejects.toThrow("killed after four batches");
    const partial = (await ids(resumed.db, "messages")).length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan((await ids(clean, "messages")).length);

    // Other batch boundaries on the rerun: resuming does not depend on them.
    const rerun = await importLegacy({ source: clean, target: resumed.db, batchSize: 300 });
    expect(reconciles(rerun)).toBe(true);
    expect(rerun.members.added).toBe(0);
    expect(rerun.messages.delivered.added + rerun.messages.quarantined.added).toBeLessThan(rerun.messages.total);
    expect(await snapshot(resumed.db)).toEqual(await snapshot(clean));
  });

  it("leaves nothing of a batch that fails inside its transaction, summaries included", async () => {
    const db = resumed.db;
    const source = rowsOf<{ id: number }>(await clean.execute(sql`select id from messaging_message order by id`)).map((r) => r.id);
    const batchStart = source[2 * BATCH]!;
    const clash = source[2 * BATCH + 200]!;
    // Back to "two batches imported", then another member's message takes an id of the third batch.
    await db.execute(sql`delete from messages where id >= ${batchStart}`);
    await db.execute(sql`delete from legacy_message_quarantine where id >= ${batchStart}`);
    await db.execute(sql`insert into messages (id, sender_id, receiver_id, content)
      select ${clash}, sender_id, receiver_id, 'someone else''s message' from messages limit 1`);
    await rebuildConversationSummaries(db);

    await expect(importLegacy({ source: clean, target: db, batchSize: BATCH })).rejects.toThrow(
      `Message id(s) ${clash} already belong to other messages here`,
    );
    expect(await ids(db, "messages", batchStart)).toEqual([clash]);
    expect(await ids(db, "legacy_message_quarantine", batchStart)).toEqual([]);
    await summariesMatchMessages(db);
  });
});
