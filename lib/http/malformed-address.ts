import { apiJson } from "./json";

// Next decodes dynamic segments itself and answers a malformed escape (`%E0%A4%A`, `%FF`)
// with a text/plain 500 before any route runs: the proxy refuses such addresses first.

/** True when the path cannot be percent-decoded as UTF-8. */
export function hasMalformedEscape(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** Addresses that always answer JSON. */
export const isApiPath = (pathname: string) => /^\/(messaging\/)?api(\/|$)/.test(pathname);

export const malformedAddressAnswer = () =>
  apiJson({ success: false, error: "This address has a malformed percent-escape (%XX), so it cannot be read." }, { status: 400 });

/** A path no page has: rewriting to it renders the app's 404 page. */
export const NOT_FOUND_PAGE = "/no-such-page/";
