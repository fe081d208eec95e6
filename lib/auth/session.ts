import { decode } from "next-auth/jwt";
import { findSessionMember, type SessionMember } from "@/db/queries/users";
import { readCookie } from "@/lib/csrf";
import { authSecret, secureCookies } from "@/env";
import { unauthorized } from "@/lib/errors";
import { TtlCache } from "@/lib/ttl-cache";

export type { SessionMember };

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

// Decrypting the session and finding its member costs more than most API work:
// remember the answer for a session cookie briefly (bounded, per process).
const remembered = new TtlCache<string, SessionMember>(30_000, 5_000);

async function memberOfCookie(cookieHeader: string | null): Promise<SessionMember | undefined> {
  const token = readCookie(cookieHeader, sessionCookieName());
  if (!token) return undefined;
  const hit = remembered.get(token);
  if (hit) return hit;
  const id = await sessionUserId(cookieHeader);
  const member = id === null ? undefined : await findSessionMember(id);
  if (member) remembered.set(token, member);
  return member;
}

/** The signed-in member for a route handler; a 401 when there is none (APIs never redirect). */
export async function requireApiUser(req: Request): Promise<SessionMember> {
  const member = await memberOfCookie(req.headers.get("cookie"));
  if (!member) throw unauthorized("You need to sign in to do that.");
  return member;
}
