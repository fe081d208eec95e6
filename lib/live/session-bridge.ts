import { getDb } from "@/db/connection";
import { notifyStatement } from "@/db/events";
import { DEFAULT_RECHECK_MS, forgetSessions, recheckSessionsEvery } from "@/lib/auth/session";
import { onSessionsRevoked } from "@/lib/auth/session-events";
import { onMissedNotices, onSignout } from "./hub";

// With revocations on the bus, a live session is read again only as a backstop, for one ended without a
// notice (by hand in SQL): a send or a poll no longer pays a session read every second.
const BACKSTOP_RECHECK_MS = 30_000;

/**
 * Sign-outs travel on the live bus: a session revoked on one instance is
 * forgotten by every instance's session cache at once (and the member's
 * streams there close). When the listener may have missed a notice
 * (it reconnected), every remembered session is read again. Returns the undo.
 */
export function bridgeSessionRevocations(): () => void {
  recheckSessionsEvery(BACKSTOP_RECHECK_MS);
  const undo = [
    onMissedNotices(() => forgetSessions()),
    onSessionsRevoked(({ memberId, sessionId }) => {
      void getDb()
        .then((db) => db.execute(notifyStatement({ k: "signout", member: memberId, session: sessionId ?? null })))
        .catch((error) => console.error("Could not announce a sign-out to other instances", error));
    }),
    onSignout((memberId, sessionId) => forgetSessions(sessionId ? undefined : memberId, sessionId ?? undefined)),
  ];
  return () => {
    undo.forEach((off) => off());
    recheckSessionsEvery(DEFAULT_RECHECK_MS);
  };
}
