import { decode } from "next-auth/jwt";
import { findLiveSession, touchSession, type LiveSession } from "@/db/queries/sessions";
import type { SessionMember } from "@/db/queries/users";
import { readCookie } from "@/lib/csrf";
import { authSecret, secureCookies } from "@/env";
import { unauthorized } from "@/lib/errors";
import { TtlCache } from "@/lib/ttl-cache";
import { processWide } from "@/lib/process-wide";

export type { SessionMember };

export const sessionCookieName = () =>
  secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";

export type SessionToken = { memberId: number; sessionId: string };

/** The member id and session id a session token carries, or null (expired, tampered with, or made before sessions had ids). */
export async function decodeSessionToken(token: string): Promise<SessionToken | null> {
  try {
    const payload = await decode({ token, secret: authSecret() });
    const memberId = Number(payload?.sub);
    const sessionId = payload?.sid;
    if (!Number.isSafeInteger(memberId) || memberId <= 0 || typeof sessionId !== "string" || !sessionId) return null;
    return { memberId, sessionId };
  } catch {
    return null;
  }
}

// How often a remembered session is read again from the database (one primary-key read): every second, unless
// revocations arrive on the live bus (lib/live/session-bridge.ts), which forgets sessions the moment they end.
export const DEFAULT_RECHECK_MS = 1_000;
const recheck = processWide("session-recheck", () => ({ ms: DEFAULT_RECHECK_MS }));

/** Sets how long a session that was found live is trusted before it is read again. */
export function recheckSessionsEvery(ms: number): void {
  recheck.ms = ms;
}
const TOUCH_MINUTES = 5;

type Remembered = SessionToken & { member: SessionMember | undefined; checkedAt: number };

// Decrypting a session cookie costs more than most API work: keep the result per cookie (bounded, per process),
// and ask the database again, after `recheck.ms`, whether the session still lives.
const remembered = processWide("sessions", () => new TtlCache<string, Remembered>(60_000, 5_000));

async function liveSession(sessionId: string): Promise<LiveSession | undefined> {
  const live = await findLiveSession(sessionId);
  if (live && Date.now() - live.lastUsedAt.getTime() > TOUCH_MINUTES * 60_000) await touchSession(sessionId, TOUCH_MINUTES);
  return live;
}

/** The signed-in member and their session from a cookie header; undefined when the session is missing, revoked or of a deleted member. */
export async function sessionOfCookie(cookieHeader: string | null): Promise<(SessionToken & { member: SessionMember }) | undefined> {
  const token = readCookie(cookieHeader, sessionCookieName());
  if (!token) return undefined;
  let entry = remembered.get(token);
  if (!entry) {
    const decoded = await decodeSessionToken(token);
    if (!decoded) return undefined;
    entry = { ...decoded, member: undefined, checkedAt: 0 };
  }
  // A refused session never comes back: only live ones are checked again.
  if (entry.checkedAt === 0 || (entry.member && Date.now() - entry.checkedAt >= recheck.ms)) {
    const live = await liveSession(entry.sessionId);
    const member = live && live.member.id === entry.memberId ? live.member : undefined;
    entry = { ...entry, member, checkedAt: Date.now() };
    remembered.set(token, entry);
  }
  return entry.member ? { memberId: entry.memberId, sessionId: entry.sessionId, member: entry.member } : undefined;
}

/** The signed-in member's id from the session cookie, or null. */
export async function sessionUserId(cookieHeader: string | null): Promise<number | null> {
  return (await sessionOfCookie(cookieHeader))?.member.id ?? null;
}

/**
 * Drops remembered sessions at once: those of `memberId`, the session `sessionId`, or all of them
 * when neither is given. Called when sessions are revoked here or (through the event bus) on another instance.
 */
export function forgetSessions(memberId?: number, sessionId?: string): void {
  const all = memberId === undefined && sessionId === undefined;
  remembered.deleteWhere((entry) => all || entry.memberId === memberId || entry.sessionId === sessionId);
}

/** The signed-in member for a route handler; a 401 when there is none (APIs never redirect). */
export async function requireApiUser(req: Request): Promise<SessionMember> {
  const session = await sessionOfCookie(req.headers.get("cookie"));
  if (!session) throw unauthorized("You need to sign in to do that.");
  return session.member;
}

/** The signed-in member and session id for account routes that act on the session itself. */
export async function requireApiSession(req: Request): Promise<SessionToken & { member: SessionMember }> {
  const session = await sessionOfCookie(req.headers.get("cookie"));
  if (!session) throw unauthorized("You need to sign in to do that.");
  return session;
}
