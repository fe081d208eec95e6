import { deleteAccount, WrongPasswordError } from "@/lib/auth/account";
import { accountRoute, clearSessionCookie, fieldErrorResponse } from "@/lib/auth/account-route";
import { accountDeletionSchema } from "@/lib/auth/account-schemas";
import { clientAddress } from "@/lib/auth/client-address";
import { parseBody } from "@/lib/http/body";
import { json, methodNotAllowed } from "@/lib/http/route";

/** Deletes the member's account after they confirm their password; all their sessions end at once. */
export const POST = accountRoute(
  async ({ req, member }) => {
    const input = await parseBody(req, accountDeletionSchema);
    try {
      await deleteAccount(member, input, clientAddress(req));
    } catch (error) {
      if (error instanceof WrongPasswordError) return fieldErrorResponse("password", "That password is not right; your account was not deleted.");
      throw error;
    }
    return clearSessionCookie(json({ deleted: true }));
  },
  { csrf: true },
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
