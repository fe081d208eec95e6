import { randomBytes } from "node:crypto";
import { insertSession, revokeMemberSessions, revokeSession } from "@/db/queries/sessions";
import { publishSessionsRevoked } from "./session-events";

/** Records a new signed-in browser; its id goes into the session cookie as `sid`. */
export async function startSession(memberId: number, userAgent = ""): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await insertSession({ id, userId: memberId, userAgent });
  return id;
}

/** Ends one session (sign-out). */
export async function endSession(memberId: number, sessionId: string): Promise<void> {
  await revokeSession(sessionId);
  publishSessionsRevoked({ memberId, sessionId });
}

/** Ends every session of a member but `keep` (sign out of all devices, password change). */
export async function endMemberSessions(memberId: number, keep?: string): Promise<number> {
  const ended = await revokeMemberSessions(memberId, { keep });
  publishSessionsRevoked({ memberId });
  return ended;
}
