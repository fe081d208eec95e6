import { sql, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "../connection";
import { rowsOf } from "./sql";

export type RateLimitHit = { count: number; retryAfterSeconds: number };

/**
 * Counts one hit on `key` in a fixed window of `windowSeconds`, in the database
 * so that every server process shares the count. Inside a transaction
 * (`executor`), a rolled-back attempt does not count.
 */
export async function hitRateLimit(key: string, windowSeconds: number, executor?: Executor): Promise<RateLimitHit> {
  const db = executor ?? (await getDb());
  return rateLimitHitOf(rowsOf<RateLimitRow>(await db.execute(rateLimitHit(key, windowSeconds)))[0]!);
}

export type RateLimitRow = { count: number; retry_after: number };

export const rateLimitHitOf = (row: RateLimitRow): RateLimitHit => ({
  count: row.count,
  retryAfterSeconds: Math.max(1, row.retry_after),
});

/** The upsert that counts one hit on `key` (returns `count`, `retry_after`); a statement or a CTE. */
export function rateLimitHit(key: string, windowSeconds: number): SQL {
  const expired = sql`rate_limits.window_start <= now() - make_interval(secs => ${windowSeconds})`;
  return sql`
    insert into rate_limits (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      count = case when ${expired} then 1 else rate_limits.count + 1 end,
      window_start = case when ${expired} then now() else rate_limits.window_start end
    returning count,
      ceil(extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now())))::int as retry_after`;
}

/** Forgets a key's hits (a successful sign-in clears its failures). */
export async function clearRateLimit(key: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}
