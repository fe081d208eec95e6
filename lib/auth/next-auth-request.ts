import { NextRequest } from "next/server";
import { safeNextPath } from "./safe-next";

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** A place to return to that next-auth can read and that stays on this site; anything else is dropped (never followed anyway). */
function keepCallback(value: string, origin: string): boolean {
  if (value.startsWith("/")) return safeNextPath(value, "") === value;
  try {
    return new URL(value).origin === origin;
  } catch {
    return false;
  }
}

/**
 * The request next-auth gets: next-auth answers a 500 to a callbackUrl in the
 * address it cannot read, so unreadable or foreign ones are removed first.
 * `form`, when given, becomes the only body (a sign-in is read once).
 */
export function forNextAuth(req: Request, form?: Record<string, string>): NextRequest {
  const url = new URL(req.url);
  const callbacks = url.searchParams.getAll("callbackUrl");
  if (callbacks.length > 0) {
    url.searchParams.delete("callbackUrl");
    if (callbacks.length === 1 && keepCallback(callbacks[0]!, url.origin)) url.searchParams.set("callbackUrl", callbacks[0]!);
  }
  const headers = new Headers(req.headers);
  if (!form) return new NextRequest(url, { method: req.method, headers });
  headers.set("content-type", "application/x-www-form-urlencoded");
  headers.delete("content-length");
  return new NextRequest(url, { method: req.method, headers, body: new URLSearchParams(form).toString() });
}

/** What next-auth itself can read as a return address (an http(s) URL, or a path); it answers a 500 to anything else. */
function readableByNextAuth(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? "http://x" : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * next-auth reads its callback-url cookie from the request scope, not from the
 * request it is handed, and answers a 500 to one it cannot read: such a cookie
 * is refused here with a 400 that also clears it, so the next try works.
 */
export function refuseUnreadableCallbackCookie(req: Request): Response | null {
  const bad = (req.headers.get("cookie") ?? "")
    .split(/;\s*/)
    .map((pair) => pair.split("="))
    .filter(([name]) => CALLBACK_COOKIES.includes(name!))
    .filter(([, ...value]) => {
      try {
        return !readableByNextAuth(decodeURIComponent(value.join("=")));
      } catch {
        return true;
      }
    })
    .map(([name]) => name!);
  if (bad.length === 0) return null;
  const headers = new Headers({ "Cache-Control": "no-store" });
  for (const name of bad) {
    headers.append("Set-Cookie", `${name}=; Path=/; Max-Age=0; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`);
  }
  return Response.json(
    { success: false, error: "Your browser sent a sign-in return address that cannot be used; it has been cleared. Please try again." },
    { status: 400, headers },
  );
}
