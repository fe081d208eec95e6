import NextAuth from "next-auth";
import { checkSignInAllowed, clearSignInFailures, clientAddress } from "@/lib/auth/login-limit";
import { authOptions } from "@/lib/auth/options";
import { sessionCookieName } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/auth/safe-next";
import { readAuthForm, withAuthForm } from "@/lib/auth/sign-in-form";
import { NextRequest } from "next/server";
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
  return nextAuth(withSameSiteCallback(req), context);
}

/** next-auth throws on a callbackUrl it cannot read: one that is not a path of this site is dropped (it would not be followed anyway). */
function withSameSiteCallback(req: Request): Request {
  const url = new URL(req.url);
  const callbacks = url.searchParams.getAll("callbackUrl");
  if (callbacks.length === 0) return req;
  const [first] = callbacks;
  url.searchParams.delete("callbackUrl");
  if (callbacks.length === 1 && first && safeNextPath(first, "") === first) url.searchParams.set("callbackUrl", first);
  return new NextRequest(url, { method: req.method, headers: req.headers });
}

/**
 * Every next-auth POST body is read once and handed on rebuilt, so nothing
 * else is ever read; credentials sign-ins pass the per-account and
 * per-address limits first, counted on the very values next-auth checks.
 */
export async function POST(req: Request, context: Context): Promise<Response> {
  let login = "";
  let request: Request;
  try {
    const form = await readAuthForm(req);
    request = withAuthForm(req, form);
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
