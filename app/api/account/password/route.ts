import { changePassword, WrongPasswordError } from "@/lib/auth/account";
import { accountRoute, fieldErrorResponse } from "@/lib/auth/account-route";
import { passwordChangeSchema } from "@/lib/auth/account-schemas";
import { clientAddress } from "@/lib/auth/client-address";
import { parseBody } from "@/lib/http/body";
import { json, methodNotAllowed } from "@/lib/http/route";

/** Sets a new password; every other session of the member ends, this one stays signed in. */
export const POST = accountRoute(
  async ({ req, member, sessionId }) => {
    const input = await parseBody(req, passwordChangeSchema);
    try {
      const { endedSessions } = await changePassword(member, sessionId, input, clientAddress(req));
      return json({ ended_sessions: endedSessions });
    } catch (error) {
      if (error instanceof WrongPasswordError) return fieldErrorResponse(error.field, "Your current password is not right.");
      throw error;
    }
  },
  { csrf: true },
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
