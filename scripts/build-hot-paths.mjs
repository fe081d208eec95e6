/* global console */
// Bundles hot-paths.ts (and the route handlers and lib/ code it uses) for server.mjs, after `next build`.
// Packages stay external: server.mjs loads the same node_modules as Next, so both share one database handle.
import { build } from "esbuild";

const emptyServerOnly = {
  name: "server-only",
  // `server-only` throws outside React's server condition; this bundle is server code by construction.
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

await build({
  entryPoints: ["hot-paths.ts"],
  outfile: ".next/hot-paths/index.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  plugins: [emptyServerOnly],
  sourcemap: "linked",
  logLevel: "warning",
});
console.info("Bundled the hot paths into .next/hot-paths/index.mjs");
