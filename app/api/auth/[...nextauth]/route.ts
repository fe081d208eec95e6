import NextAuth from "next-auth";
import { checkSignInAllowed, clearSignInFailures, clientAddress } from "@/lib/auth/login-limit";
import { authOptions } from "@/lib/auth/options";
import { sessionCookieName } from "@/lib/auth/session";
import { forNextAuth, refuseUnreadableCallbackCookie } from "@/lib/auth/next-auth-request";
import { readAuthForm } from "@/lib/auth/sign-in-form";
import { ApiError, errorResponse } from "@/lib/errors";

type Context = { params: Promise<{ nextauth: string[] }> };

const nextAuth = async (req: Request, context: Context): Promise<Response> => {
  try {
    return await NextAuth(req as never, context as never, authOptions());
  } catch (error) {
    return errorResponse(error);
  }
};

const isCredentialsCallback = (req: Request) => /\/callback\/credentials\/?$/.test(new URL(req.url).pathname);

export async function GET(req: Request, context: Context): Promise<Response> {
  if (isCredentialsCallback(req)) {
    return Response.json(
      { success: false, error: "Sign in with a POST of the sign-in form, from the sign-in page." },
      { status: 405, headers: { Allow: "POST" } },
    );
  }
  return refuseUnreadableCallbackCookie(req) ?? nextAuth(forNextAuth(req), context);
}

/**
 * Every next-auth POST body is read once and handed on rebuilt, so nothing
 * else is ever read; credentials sign-ins pass the per-account and
 * per-address limits first, counted on the very values next-auth checks.
 */
export async function POST(req: Request, context: Context): Promise<Response> {
  const refused = refuseUnreadableCallbackCookie(req);
  if (refused) return refused;
  let login = "";
  let request: Request;
  try {
    const form = await readAuthForm(req);
    request = forNextAuth(req, form);
    if (isCredentialsCallback(req)) {
      login = form.username ?? "";
      await checkSignInAllowed(login, clientAddress(req));
    }
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 429) return errorResponse(error);
    // next-auth's client reads `url` to find the error code.
    const url = new URL(`/login/?error=RateLimited`, req.url).toString();
    return Response.json({ success: false, error: error.message, url }, { status: 429, headers: error.headers });
  }
  const response = await nextAuth(request, context);
  if (login && response.headers.getSetCookie().some((c) => c.startsWith(`${sessionCookieName()}=`))) {
    await clearSignInFailures(login);
  }
  return response;
}
