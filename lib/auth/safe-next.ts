/** Only same-site paths may be returned to after signing in; anything else goes to the inbox. */
export function safeNextPath(next: string | null | undefined, fallback = "/messaging/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  try {
    const url = new URL(next, "http://localhost");
    return url.host === "localhost" ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
