import { fieldErrorsResponse } from "@/lib/http/json";
import { verifyCsrf } from "@/lib/csrf";
import { errorResponse } from "@/lib/errors";
import { requireApiSession, sessionCookieName, type SessionMember } from "./session";
import { secureCookies } from "@/env";

type Handler = (args: { req: Request; member: SessionMember; sessionId: string }) => Promise<Response>;

/**
 * An account route: like `memberRoute` (401 without a live session, then the
 * CSRF check for writes), and the handler also gets the session it acts on.
 */
export function accountRoute(handler: Handler, options: { csrf: boolean }) {
  return async (req: Request): Promise<Response> => {
    try {
      const { member, sessionId } = await requireApiSession(req);
      if (options.csrf) verifyCsrf(req);
      return await handler({ req, member, sessionId });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Tells the browser to drop the session cookie (the session itself is already revoked). */
export function clearSessionCookie(response: Response): Response {
  const secure = secureCookies() ? "; Secure" : "";
  response.headers.append("Set-Cookie", `${sessionCookieName()}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`);
  return response;
}

/** A 400 whose sentence also goes beside one field of the form. */
export const fieldErrorResponse = (field: string, message: string) =>
  fieldErrorsResponse({ [field]: message }, message);
