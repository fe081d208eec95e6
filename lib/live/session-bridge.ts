import { getDb } from "@/db/connection";
import { notifyStatement } from "@/db/events";
import { forgetSessions } from "@/lib/auth/session";
import { onSessionsRevoked } from "@/lib/auth/session-events";
import { onSignout } from "./hub";

/**
 * Sign-outs travel on the live bus: a session revoked on one instance is
 * forgotten by every instance's session cache at once (and the member's
 * streams there close), instead of when that cache next checks (≤ 1 s).
 */
export function bridgeSessionRevocations(): void {
  onSessionsRevoked(({ memberId, sessionId }) => {
    void getDb()
      .then((db) => db.execute(notifyStatement({ k: "signout", member: memberId, session: sessionId ?? null })))
      .catch((error) => console.error("Could not announce a sign-out to other instances", error));
  });
  onSignout((memberId, sessionId) => forgetSessions(sessionId ? undefined : memberId, sessionId ?? undefined));
}
