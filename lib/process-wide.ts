/**
 * One value per process under `key`, shared by every copy of this code loaded in it: Next's server bundle,
 * the hot paths' bundle of server.mjs (hot-paths.ts) and dev hot reloads all see the same object.
 */
export function processWide<T>(key: string, create: () => T): T {
  const store = globalThis as typeof globalThis & { __community?: Record<string, unknown> };
  const values = (store.__community ??= {});
  if (!(key in values)) values[key] = create();
  return values[key] as T;
}
