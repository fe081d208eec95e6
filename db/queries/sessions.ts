import { and, eq, isNull, lt, ne, sql } from "drizzle-orm";
import { getDb, type Executor } from "../connection";
import { sessions, users, type User } from "../schema";

export type LiveSession = { member: Pick<User, "id" | "username" | "name">; lastUsedAt: Date };

export async function insertSession(input: { id: string; userId: number; userAgent: string }): Promise<void> {
  const db = await getDb();
  await db.insert(sessions).values({ ...input, userAgent: input.userAgent.slice(0, 300) });
}

/** The member of a session that is neither revoked nor of a deleted account (one primary-key read). */
export async function findLiveSession(sessionId: string): Promise<LiveSession | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, username: users.username, name: users.name, lastUsedAt: sessions.lastUsedAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), isNull(users.deletedAt)));
  if (!row) return undefined;
  const { lastUsedAt, ...member } = row;
  return { member, lastUsedAt };
}

/** Records that a session was used, at most once per `minutes` (a write on every request would cost too much). */
export async function touchSession(sessionId: string, minutes: number): Promise<void> {
  const db = await getDb();
  await db
    .update(sessions)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), lt(sessions.lastUsedAt, sql`now() - make_interval(mins => ${minutes})`)));
}

/** Ends one session of a member. */
export async function revokeSession(sessionId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every session of a member, but `keep` when given; returns how many ended. */
export async function revokeMemberSessions(userId: number, options: { keep?: string; executor?: Executor } = {}): Promise<number> {
  const db = options.executor ?? (await getDb());
  const ended = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), options.keep ? ne(sessions.id, options.keep) : undefined))
    .returning({ id: sessions.id });
  return ended.length;
}
