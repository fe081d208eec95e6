import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/connection";
import { computeSummariesFromMessages } from "@/db/queries/summaries";
import { rowsOf } from "@/db/queries/sql";
import { generateCommunity, type Dataset } from "@/bench/generate";
import { SIZES } from "@/bench/sizes";

let dataset: Dataset;

beforeAll(async () => {
  dataset = await generateCommunity(await getDb(), SIZES.tiny);
}, 180_000);

const key = (r: { owner_id: number; partner_id: number }) => `${r.owner_id}:${r.partner_id}`;

describe("the benchmark generator at tiny size", () => {
  it("leaves summaries equal to the ones computed from the messages", async () => {
    const db = await getDb();
    const stored = rowsOf<{ owner_id: number; partner_id: number; last_message_id: string; unread_count: number }>(
      await db.execute(sql`select owner_id, partner_id, last_message_id, unread_count from conversation_summaries`),
    ).map((r) => ({ ...r, last_message_id: Number(r.last_message_id) }));
    const computed = (await computeSummariesFromMessages(db)).map(
      ({ owner_id, partner_id, last_message_id, unread_count }) => ({ owner_id, partner_id, last_message_id, unread_count }),
    );
    const byKey = (rows: typeof computed) => rows.sort((a, b) => key(a).localeCompare(key(b)));
    expect(stored.length).toBeGreaterThan(1_000);
    expect(byKey(stored)).toEqual(byKey(computed));
  });

  it("loads about the asked number of messages, with a few heavy members and many light ones", async () => {
    expect(dataset.messages).toBeGreaterThan(SIZES.tiny.messages * 0.9);
    expect(dataset.messages).toBeLessThan(SIZES.tiny.messages * 1.1);
    const db = await getDb();
    const [partners] = rowsOf<{ heavy: number; median: number }>(await db.execute(sql`
      select (select count(*)::int from conversation_summaries where owner_id = ${dataset.heavyIds[0]!}) as heavy,
             (select percentile_disc(0.5) within group (order by n) from
               (select count(*) as n from conversation_summaries group by owner_id) counts)::int as median`));
    expect(partners!.heavy).toBeGreaterThanOrEqual(SIZES.tiny.heavyPartners);
    expect(partners!.median).toBeLessThan(20);
  });

  it("leaves unread messages only among the recent ones", async () => {
    const db = await getDb();
    const [unread] = rowsOf<{ count: number; oldest_days: number }>(await db.execute(sql`
      select count(*)::int as count,
             extract(epoch from now() - min("timestamp"))::float / 86400 as oldest_days
      from messages where not is_read`));
    expect(unread!.count).toBeGreaterThan(100);
    expect(unread!.oldest_days).toBeLessThanOrEqual(7.01);
  });
});
