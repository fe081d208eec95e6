import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { getDb } from "@/db/connection";
import { users, type User } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/sessions";

let sharedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct horse battery";

/** A new member with a unique username; all share one password hash to keep tests fast. */
export async function createMember(overrides: Partial<typeof users.$inferInsert> = {}): Promise<User> {
  sharedHash ??= hashPassword(TEST_PASSWORD);
  const tag = randomBytes(4).toString("hex");
  const db = await getDb();
  const [user] = await db
    .insert(users)
    .values({
      username: `member_${tag}`,
      email: `member_${tag}@example.com`,
      name: `Member ${tag}`,
      passwordHash: await sharedHash,
      ...overrides,
    })
    .returning();
  return user!;
}

/** A session token as next-auth issues it: the member and a session recorded in the database. */
export async function sessionToken(user: Pick<User, "id">): Promise<{ token: string; sessionId: string }> {
  const sessionId = await startSession(user.id, "vitest");
  const token = await encode({ token: { sub: String(user.id), sid: sessionId }, secret: process.env.NEXTAUTH_SECRET! });
  return { token, sessionId };
}

// One session per member per test file, as one signed-in browser would keep.
const cookies = new Map<number, Promise<string>>();

/** The cookie header of a signed-in browser, with its CSRF cookie. */
export async function sessionCookie(user: Pick<User, "id">, csrf = "test-csrf-token-0123456789"): Promise<string> {
  if (!cookies.has(user.id)) cookies.set(user.id, sessionToken(user).then((s) => s.token));
  return `next-auth.session-token=${await cookies.get(user.id)!}; csrftoken=${csrf}`;
}
