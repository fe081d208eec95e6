import { and, eq, getTableColumns, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "../connection";
import { users, type NewUser, type User } from "../schema";
import { escapeLike, rowsOf } from "./sql";

export type PublicUser = Pick<User, "id" | "username" | "name" | "headline">;

const publicColumns = { id: users.id, username: users.username, name: users.name, headline: users.headline };

export type OwnProfile = Omit<User, "passwordHash">;

/** Everything about a member but their password hash (their own settings page). */
export async function findOwnProfile(id: number): Promise<OwnProfile | undefined> {
  const db = await getDb();
  const { passwordHash: _hash, ...columns } = getTableColumns(users);
  const [row] = await db.select(columns).from(users).where(eq(users.id, id));
  return row;
}

export type SessionMember = Pick<User, "id" | "username" | "name">;


export async function findPublicUser(id: number): Promise<PublicUser | undefined> {
  const db = await getDb();
  const [row] = await db.select(publicColumns).from(users).where(eq(users.id, id));
  return row;
}

/** A member by username or email, case-insensitively; deleted accounts never match. */
export async function findUserByLogin(login: string): Promise<User | undefined> {
  const db = await getDb();
  const key = login.trim().toLowerCase();
  const [row] = await db
    .select()
    .from(users)
    .where(and(or(sql`lower(${users.username}) = ${key}`, sql`lower(${users.email}) = ${key}`), isNull(users.deletedAt)))
    .limit(1);
  return row;
}

export type CreateUserResult = { ok: true; user: User } | { ok: false; taken: "username" | "email" };

/** Creates a member; a username or email already in use (in any case) is reported, not thrown. */
export async function createUser(input: NewUser): Promise<CreateUserResult> {
  const db = await getDb();
  try {
    const [user] = await db.insert(users).values(input).returning();
    return { ok: true, user: user! };
  } catch (error) {
    const text = String((error as { cause?: unknown }).cause ?? error);
    if (text.includes("users_username_lower_key")) return { ok: false, taken: "username" };
    if (text.includes("users_email_lower_key")) return { ok: false, taken: "email" };
    throw error;
  }
}

/** The stored password hash of an active member (for re-confirming their password). */
export async function findPasswordHash(id: number): Promise<string | undefined> {
  const db = await getDb();
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(and(eq(users.id, id), isNull(users.deletedAt)));
  return row?.passwordHash;
}

export async function updatePasswordHash(userId: number, passwordHash: string): Promise<void> {
  const db = await getDb();
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/**
 * Members whose name or username contains `query` (case-insensitive, `%` and `_`
 * literal), never the caller; prefix matches first, at most `limit`. Only a
 * bounded set of candidates is ranked, so a two-letter query on a million
 * members does not sort every match. Deleted accounts are never found.
 */
export async function searchUsers(query: string, callerId: number, limit = 20): Promise<PublicUser[]> {
  const db = await getDb();
  const needle = escapeLike(query.trim().toLowerCase());
  const contains = `%${needle}%`;
  const prefix = `${needle}%`;
  const wordPrefix = `% ${needle}%`;
  // The candidates carry their public columns: looking 200 of them up again by id cost more than finding them.
  const found = (match: SQL, most: number) => sql`(
    select id, username, name, headline from users
    where id <> ${callerId} and deleted_at is null and ${match} limit ${most})`;
  const result = await db.execute(sql`
    select id, username, name, headline from (
      ${found(sql`(lower(username) like ${prefix} or lower(name) like ${prefix})`, limit)}
      union
      ${found(sql`(lower(name) like ${contains} or lower(username) like ${contains})`, limit * 10)}
    ) candidates
    order by case when lower(username) like ${prefix} or lower(name) like ${prefix} then 0
                  when lower(name) like ${wordPrefix} then 1 else 2 end, name, id
    limit ${limit}`);
  return rowsOf<PublicUser>(result);
}
