import { requireApiUser, type SessionMember } from "@/lib/auth/session";
import { verifyCsrf } from "@/lib/csrf";
import { errorResponse } from "@/lib/errors";

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

/** JSON 405s for the methods a route does not serve. */
export function methodNotAllowed(...allowed: string[]) {
  const answer = async () =>
    Response.json(
      { success: false, error: `This endpoint only accepts ${allowed.join(" or ")}.` },
      { status: 405, headers: { Allow: allowed.join(", ") } },
    );
  return { GET: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer };
}

export const json = (body: Record<string, unknown>, init?: ResponseInit) => Response.json({ success: true, ...body }, init);
