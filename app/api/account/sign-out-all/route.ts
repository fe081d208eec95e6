import { accountRoute, clearSessionCookie } from "@/lib/auth/account-route";
import { endMemberSessions } from "@/lib/auth/sessions";
import { json, methodNotAllowed } from "@/lib/http/route";

/** Signs the member out of every device, this one included. */
export const POST = accountRoute(
  async ({ member }) => clearSessionCookie(json({ ended_sessions: await endMemberSessions(member.id) })),
  { csrf: true },
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
