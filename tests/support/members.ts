import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { getDb } from "@/db/connection";
import { users, type User } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";

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

/** The cookie header of a signed-in browser, with its CSRF cookie. */
export async function sessionCookie(user: Pick<User, "id">, csrf = "test-csrf-token-0123456789"): Promise<string> {
  const token = await encode({ token: { sub: String(user.id) }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}; csrftoken=${csrf}`;
}
