const BASE = "http://x";

/**
 * Only same-site paths may be returned to after signing in; anything else goes to the inbox.
 * The value returned is the normalised one, and it is the one checked: `/.//evil.example`
 * normalises to `//evil.example`, which a browser reads as another host.
 */
export function safeNextPath(value: string | string[] | null | undefined, fallback = "/messaging/"): string {
  // A repeated ?next= arrives as a list: only the first counts.
  const next = Array.isArray(value) ? value[0] : value;
  if (!next || !next.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
    return fallback;
  }
  return path;
}
