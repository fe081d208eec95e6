import { z } from "zod";

/** The directory's URL query; anything unusable falls back to the unfiltered first page rather than failing. */
export const directoryQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  interest: z.string().trim().max(40).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

/** Reads `?q=&interest=&page=` from a page's search params (repeated keys: the first wins). */
export function parseDirectoryQuery(params: Record<string, string | string[] | undefined>): DirectoryQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return directoryQuerySchema.parse({ q: first(params.q) ?? "", interest: first(params.interest) ?? "", page: first(params.page) ?? 1 });
}

/** A directory URL with the given filters; empty ones and page 1 are left out. */
export function directoryHref(query: Partial<DirectoryQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.interest) params.set("interest", query.interest);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `/community/?${search}` : "/community/";
}
