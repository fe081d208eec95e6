import { decode } from "next-auth/jwt";
import { findUserById } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { readCookie } from "@/lib/csrf";
import { authSecret, secureCookies } from "@/lib/env";
import { unauthorized } from "@/lib/errors";

export const sessionCookieName = () =>
  secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";

/** The signed-in member's id from the session cookie, or null. */
export async function sessionUserId(cookieHeader: string | null): Promise<number | null> {
  const token = readCookie(cookieHeader, sessionCookieName());
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: authSecret() });
    const id = Number(payload?.sub);
    return Number.isSafeInteger(id) && id > 0 ? id : null;
  } catch {
    return null; // expired, tampered with, or signed with another secret
  }
}

/** The signed-in member for a route handler; a 401 when there is none (APIs never redirect). */
export async function requireApiUser(req: Request): Promise<User> {
  const id = await sessionUserId(req.headers.get("cookie"));
  const user = id === null ? undefined : await findUserById(id);
  if (!user) throw unauthorized("You need to sign in to do that.");
  return user;
}
