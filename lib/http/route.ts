import { requireApiUser, type SessionMember } from "@/lib/auth/session";
import { verifyCsrf } from "@/lib/csrf";
import { errorResponse } from "@/lib/errors";
import { apiJson } from "./json";

export { methodNotAllowed } from "./json";

type Params = Record<string, string | string[] | undefined>;
type Context = { params: Promise<Params> };
type Handler = (args: { req: Request; user: SessionMember; params: Params }) => Promise<Response>;

/**
 * A signed-in API route: 401 without a session, then (for writes) the CSRF
 * check, then the handler; every error becomes `{ success: false, error }`.
 */
export function memberRoute(handler: Handler, options: { csrf: boolean }) {
  return async (req: Request, context: Context): Promise<Response> => {
    try {
      const user = await requireApiUser(req);
      if (options.csrf) verifyCsrf(req);
      return await handler({ req, user, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export const json = (body: Record<string, unknown>, init?: ResponseInit) => apiJson({ success: true, ...body }, init);
