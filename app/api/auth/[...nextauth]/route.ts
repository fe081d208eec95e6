import NextAuth from "next-auth";
import { checkSignInAllowed, clearSignInFailures, clientAddress } from "@/lib/auth/login-limit";
import { authOptions } from "@/lib/auth/options";
import { sessionCookieName } from "@/lib/auth/session";
import { ApiError, errorResponse } from "@/lib/errors";

type Context = { params: Promise<{ nextauth: string[] }> };

const nextAuth = (req: Request, context: Context) => NextAuth(req as never, context as never, authOptions());

export const GET = nextAuth;

/** Credentials sign-ins pass the per-account and per-address limits first. */
export async function POST(req: Request, context: Context): Promise<Response> {
  if (!/\/callback\/credentials\/?$/.test(new URL(req.url).pathname)) return nextAuth(req, context);
  const form = await req.clone().formData().catch(() => null);
  const login = String(form?.get("username") ?? "");
  try {
    await checkSignInAllowed(login, clientAddress(req));
  } catch (error) {
    if (!(error instanceof ApiError)) return errorResponse(error);
    // next-auth's client reads `url` to find the error code.
    const url = new URL(`/login/?error=RateLimited`, req.url).toString();
    return Response.json({ success: false, error: error.message, url }, { status: 429, headers: error.headers });
  }
  const response: Response = await nextAuth(req, context);
  if (response.headers.getSetCookie().some((c) => c.startsWith(`${sessionCookieName()}=`))) {
    await clearSignInFailures(login);
  }
  return response;
}
