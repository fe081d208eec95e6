import { eq, sql } from "drizzle-orm";
import type { Database } from "./connection";
import { DEMO_MEMBERS, DEMO_MESSAGES, DEMO_PASSWORD } from "./demo-community";
import { rebuildConversationSummaries } from "./queries/summaries";
import { appMeta, messages, users } from "./schema";

export const DEMO_SEED_KEY = "demo_seed";

/**
 * Loads the demo community once. Running it again does nothing; with
 * `onlyIfEmpty` it also leaves alone a database that already has members.
 */
export async function seedDemoCommunity(
  db: Database,
  options: { hashPassword: (password: string) => Promise<string>; onlyIfEmpty?: boolean },
): Promise<boolean> {
  const [marker] = await db.select().from(appMeta).where(eq(appMeta.key, DEMO_SEED_KEY));
  if (marker) return false;
  if (options.onlyIfEmpty) {
    const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
    if ((row?.count ?? 0) > 0) return false;
  }
  // One hash for the shared, published demo password keeps the first start fast.
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(users)
      .values(DEMO_MEMBERS.map((m) => ({ ...m, email: `${m.username}@example.com`, passwordHash })))
      .onConflictDoNothing()
      .returning({ id: users.id, username: users.username });
    const idOf = new Map(inserted.map((u) => [u.username, u.id]));
    const now = Date.now();
    const rows = DEMO_MESSAGES.flatMap(([from, to, minutesAgo, content, messageType, isRead]) => {
      const senderId = idOf.get(from);
      const receiverId = idOf.get(to);
      if (!senderId || !receiverId) return [];
      const timestamp = new Date(now - minutesAgo * 60_000);
      return [{ senderId, receiverId, content, messageType, isRead, timestamp, readAt: isRead ? timestamp : null }];
    });
    if (rows.length > 0) await tx.insert(messages).values(rows);
    await rebuildConversationSummaries(tx);
    await tx.insert(appMeta).values({ key: DEMO_SEED_KEY, value: new Date().toISOString() });
  });
  return true;
}

/** Whether the demo accounts were loaded (the login page mentions them then). */
export async function hasDemoData(db: Database): Promise<boolean> {
  const [marker] = await db.select().from(appMeta).where(eq(appMeta.key, DEMO_SEED_KEY));
  return Boolean(marker);
}
