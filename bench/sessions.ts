import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Database } from "@/db/connection";
import { sessions } from "@/db/schema";

export type BenchSession = { userId: number; cookie: string; csrf: string };

/**
 * Signed-in browsers of these members: a session row each (sessions are
 * revocable, so the cookie must name a live one), a minted next-auth JWT
 * cookie carrying its id, and a CSRF cookie to echo in X-CSRFToken.
 */
export async function mintSessions(db: Database, userIds: number[], secret: string): Promise<BenchSession[]> {
  const rows = userIds.map((userId) => ({ id: randomBytes(24).toString("base64url"), userId, userAgent: "bench" }));
  for (let i = 0; i < rows.length; i += 1_000) await db.insert(sessions).values(rows.slice(i, i + 1_000));
  return Promise.all(
    rows.map(async ({ id, userId }) => {
      const token = await encode({ token: { sub: String(userId), sid: id }, secret });
      const csrf = randomBytes(16).toString("hex");
      return { userId, cookie: `next-auth.session-token=${token}; csrftoken=${csrf}`, csrf };
    }),
  );
}
