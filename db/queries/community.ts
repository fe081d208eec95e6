import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "../connection";
import { conversationSummaries, users, type User } from "../schema";
import { escapeLike } from "./sql";

/** What the directory shows of a member: never the email or the password hash. */
export type MemberCard = Pick<User, "id" | "username" | "name" | "headline" | "location" | "interests">;
export type MemberProfile = MemberCard & Pick<User, "bio">;

export const MEMBERS_PER_PAGE = 24;

const cardColumns = {
  id: users.id,
  username: users.username,
  name: users.name,
  headline: users.headline,
  location: users.location,
  interests: users.interests,
};

export type MemberFilter = { query?: string; interest?: string; page?: number };

/** Any interest of the member matching `predicate` (a LIKE or = on lower(tag)). */
const anyInterest = (predicate: (tag: SQL) => SQL) =>
  sql`exists (select 1 from unnest(${users.interests}) as i(tag) where ${predicate(sql`lower(i.tag)`)})`;

function memberWhere({ query, interest }: MemberFilter): SQL | undefined {
  const needle = query?.trim().toLowerCase();
  const tag = interest?.trim().toLowerCase();
  const contains = needle ? `%${escapeLike(needle)}%` : undefined;
  return and(
    isNull(users.deletedAt), // deleted accounts leave the directory
    // Name and username hit the trigram indexes; headline and interests are short and scanned with them.
    contains
      ? or(
          sql`lower(${users.name}) like ${contains}`,
          sql`lower(${users.username}) like ${contains}`,
          sql`lower(${users.headline}) like ${contains}`,
          anyInterest((t) => sql`${t} like ${contains}`),
        )
      : undefined,
    tag ? anyInterest((t) => sql`${t} = ${tag}`) : undefined,
  );
}

/**
 * One page of the member directory, alphabetical by name: members whose name,
 * username, headline or an interest contains `query` (case-insensitive, `%`
 * and `_` literal), and who list `interest` (case-insensitive), with the total.
 */
export async function listMembers(filter: MemberFilter = {}): Promise<{ members: MemberCard[]; total: number }> {
  const db = await getDb();
  const where = memberWhere(filter);
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const [members, [count]] = await Promise.all([
    db
      .select(cardColumns)
      .from(users)
      .where(where)
      .orderBy(sql`lower(${users.name})`, asc(users.id))
      .limit(MEMBERS_PER_PAGE)
      .offset((page - 1) * MEMBERS_PER_PAGE),
    db.select({ total: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { members, total: count?.total ?? 0 };
}

/** A member's public profile by username, case-insensitively. */
export async function findMemberByUsername(username: string): Promise<MemberProfile | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ ...cardColumns, bio: users.bio })
    .from(users)
    .where(and(sql`lower(${users.username}) = ${username.trim().toLowerCase()}`, isNull(users.deletedAt)));
  return row;
}

/** Which of `memberIds` the owner already has a conversation with (one read of the owner's summaries). */
export async function conversationPartnersAmong(ownerId: number, memberIds: number[]): Promise<Set<number>> {
  if (memberIds.length === 0) return new Set();
  const db = await getDb();
  const rows = await db
    .select({ partnerId: conversationSummaries.partnerId })
    .from(conversationSummaries)
    .where(and(eq(conversationSummaries.ownerId, ownerId), inArray(conversationSummaries.partnerId, memberIds)));
  return new Set(rows.map((r) => r.partnerId));
}

export type ProfileChanges = Pick<User, "name" | "headline" | "bio" | "location" | "interests">;

/** Writes the member's own profile fields; returns the profile as the directory now shows it. */
export async function updateProfile(userId: number, changes: ProfileChanges): Promise<MemberProfile | undefined> {
  const db = await getDb();
  const [row] = await db
    .update(users)
    .set(changes)
    .where(eq(users.id, userId))
    .returning({ ...cardColumns, bio: users.bio });
  return row;
}
