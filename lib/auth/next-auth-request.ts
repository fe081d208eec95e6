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
 * The request next-auth gets: next-auth answers a 500 to a callbackUrl (in the
 * address or its cookie) it cannot read, so unreadable or foreign ones are
 * removed first. `form`, when given, becomes the only body (a sign-in is read once).
 */
export function forNextAuth(req: Request, form?: Record<string, string>): NextRequest {
  const url = new URL(req.url);
  const callbacks = url.searchParams.getAll("callbackUrl");
  if (callbacks.length > 0) {
    url.searchParams.delete("callbackUrl");
    if (callbacks.length === 1 && keepCallback(callbacks[0]!, url.origin)) url.searchParams.set("callbackUrl", callbacks[0]!);
  }
  const headers = new Headers(req.headers);
  const cookies = (headers.get("cookie") ?? "").split(/;\s*/).filter(Boolean);
  const kept = cookies.filter((pair) => {
    const [name, ...rest] = pair.split("=");
    if (!CALLBACK_COOKIES.includes(name!)) return true;
    try {
      return keepCallback(decodeURIComponent(rest.join("=")), url.origin);
    } catch {
      return false;
    }
  });
  if (kept.length !== cookies.length) headers.set("cookie", kept.join("; "));
  if (!form) return new NextRequest(url, { method: req.method, headers });
  headers.set("content-type", "application/x-www-form-urlencoded");
  headers.delete("content-length");
  return new NextRequest(url, { method: req.method, headers, body: new URLSearchParams(form).toString() });
}
