import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // URLs are written with a trailing slash; the form without it answers too (no redirect).
  trailingSlash: true,
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite"],
  // The stylesheet stays a file (10 KB compressed, cached across pages). Inlined (experimental.inlineCss), it went into
  // every page's HTML three times (the style element and twice in the RSC payload): 22 KB more per page load, and
  // no Lighthouse gain over 10 runs a page (docs/performance.md, round 5).
  async headers() {
    // The API's own answers say no-store (lib/http/json); this covers the ones it does not write (next-auth's).
    const noStore = [{ key: "Cache-Control", value: "no-store" }];
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: noStore },
      { source: "/messaging/api/:path*", headers: noStore },
    ];
  },
  async redirects() {
    return [
      { source: "/messaging/inbox", destination: "/messaging/", permanent: true },
      { source: "/messaging/inbox/", destination: "/messaging/", permanent: true },
      { source: "/messaging/compose/:userId", destination: "/messaging/conversation/:userId/", permanent: true },
      { source: "/messaging/compose/:userId/", destination: "/messaging/conversation/:userId/", permanent: true },
    ];
  },
};

export default nextConfig;
