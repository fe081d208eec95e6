import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";

export type BenchSession = { userId: number; cookie: string; csrf: string };

/** A signed-in browser of a member: a minted next-auth JWT cookie and a CSRF cookie to echo in X-CSRFToken. */
export async function mintSession(userId: number, secret: string): Promise<BenchSession> {
  const token = await encode({ token: { sub: String(userId) }, secret });
  const csrf = randomBytes(16).toString("hex");
  return { userId, cookie: `next-auth.session-token=${token}; csrftoken=${csrf}`, csrf };
}
