import { forgetSessions } from "./session";
import { processWide } from "@/lib/process-wide";

/** Which sessions ended: one session, or every session of a member (`sessionId` absent). */
export type SessionsRevoked = { memberId: number; sessionId?: string };

type Listener = (event: SessionsRevoked) => void;
const listeners = processWide("session-revocation-listeners", () => new Set<Listener>());

/**
 * Subscribes to revocations made in this process, e.g. to relay them to other
 * instances, which call `forgetSessions` on receipt. Returns the unsubscribe function.
 */
export function onSessionsRevoked(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forgets the revoked sessions in this process at once and tells the subscribers. */
export function publishSessionsRevoked(event: SessionsRevoked): void {
  forgetSessions(event.sessionId === undefined ? event.memberId : undefined, event.sessionId);
  for (const listener of listeners) {
    try {
      listener(event);
    } catch (error) {
      console.error("A session revocation listener failed", error);
    }
  }
}
