/** Set by the proxy on every request it passes on: the path and query the visitor asked for. */
export const PAGE_ADDRESS_HEADER = "x-page-address";
