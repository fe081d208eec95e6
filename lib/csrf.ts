import { randomBytes, timingSafeEqual } from "node:crypto";
import { forbidden } from "./errors";

export const CSRF_COOKIE = "csrftoken";
export const CSRF_HEADER = "x-csrftoken";

export function newCsrfToken(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * The csrftoken cookie every answer sets when the browser has none. Not httpOnly: the page's script reads it to
 * send it back in X-CSRFToken. `secure` follows the public URL, not this hop's scheme (behind a TLS proxy it is http).
 */
export const csrfCookieAttributes = (secure: boolean) => ({
  path: "/",
  sameSite: "lax" as const,
  httpOnly: false,
  secure,
  maxAge: 365 * 24 * 60 * 60,
});

/** The same cookie as a Set-Cookie header value, for answers written without Next (hot-paths.ts). */
export function csrfSetCookieHeader(secure: boolean): string {
  const a = csrfCookieAttributes(secure);
  return `${CSRF_COOKIE}=${newCsrfToken()}; Path=${a.path}; Max-Age=${a.maxAge}; SameSite=Lax${a.secure ? "; Secure" : ""}`;
}

/** A cookie value with a malformed percent-escape was not set by this app: treat it as absent. */
function decodeCookieValue(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeCookieValue(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The host the browser believes it is talking to (behind a proxy, the forwarded one). */
function requestHost(req: Request): string {
  return req.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || req.headers.get("host") || new URL(req.url).host;
}

function sameHost(source: string, host: string): boolean {
  try {
    return new URL(source).host === host;
  } catch {
    return false;
  }
}

/**
 * Django-style CSRF: the request must come from this site (Origin, or Referer
 * when a browser sends no Origin) and carry the csrftoken cookie back in X-CSRFToken.
 */
export function verifyCsrf(req: Request): void {
  const host = requestHost(req);
  const origin = req.headers.get("origin");
  if (origin && origin !== "null" ? !sameHost(origin, host) : origin === "null") {
    throw forbidden("Cross-site request refused: it did not come from this site.");
  }
  const referer = req.headers.get("referer");
  if (!origin && referer && !sameHost(referer, host)) {
    throw forbidden("Cross-site request refused: it did not come from this site.");
  }
  const cookie = readCookie(req.headers.get("cookie"), CSRF_COOKIE);
  const header = req.headers.get(CSRF_HEADER);
  if (!cookie || !header) throw forbidden("CSRF token missing. Reload the page and try again.");
  const a = Buffer.from(cookie);
  const b = Buffer.from(header);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw forbidden("CSRF token incorrect. Reload the page and try again.");
  }
}
