import { NextResponse, type NextRequest } from "next/server";
import { CSRF_COOKIE, csrfCookieAttributes, newCsrfToken } from "@/lib/csrf";
import { secureCookies } from "@/env";
import { PAGE_ADDRESS_HEADER } from "@/lib/http/page-address";
import { hasMalformedEscape, isApiPath, malformedAddressAnswer, NOT_FOUND_PAGE } from "@/lib/http/malformed-address";

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** Every page gets a nonce-based CSP and, when it has none yet, a csrftoken cookie for its script to send back. */
export function proxy(req: NextRequest) {
  const malformed = hasMalformedEscape(req.nextUrl.pathname);
  if (malformed && isApiPath(req.nextUrl.pathname)) return malformedAddressAnswer();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  // The address as asked for, for a layout that sends a visitor to sign in before its page streams (layouts get no query).
  requestHeaders.set(PAGE_ADDRESS_HEADER, req.nextUrl.pathname + req.nextUrl.search);
  const response = malformed
    ? NextResponse.rewrite(new URL(NOT_FOUND_PAGE, req.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (!req.cookies.get(CSRF_COOKIE)?.value) {
    response.cookies.set(CSRF_COOKIE, newCsrfToken(), csrfCookieAttributes(secureCookies()));
  }
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};
