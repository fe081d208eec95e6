import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTES } from "./routes";

const routeFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [path.relative(process.cwd(), full)] : [];
  });

describe("the route fuzzer's table", () => {
  it("lists every route handler of the app (add new ones to tests/fuzz/routes.ts)", () => {
    expect(ROUTES.map((r) => r.file).sort()).toEqual(routeFiles("app").sort());
  });

  it("names, for each route, methods that the module really exports", () => {
    for (const route of ROUTES) for (const method of route.serves) expect(route.module[method], `${route.file} ${method}`).toBeTypeOf("function");
  });
});
