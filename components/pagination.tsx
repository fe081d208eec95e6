import Link from "next/link";
import { directoryHref, type DirectoryQuery } from "@/lib/community/directory-query";

const linkClass =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg px-3 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800";

/** Previous / numbered / Next links for the directory; nothing when everything fits on one page. */
export function Pagination({ query, pageCount }: { query: DirectoryQuery; pageCount: number }) {
  if (pageCount <= 1) return null;
  const page = Math.min(query.page, pageCount);
  const href = (p: number) => directoryHref({ ...query, page: p });
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1).filter(
    (p) => p === 1 || p === pageCount || Math.abs(p - page) <= 1,
  );
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-center gap-1">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={linkClass}>
          ← Previous
        </Link>
      ) : null}
      {pages.map((p, i) => (
        <span key={p} className="contents">
          {i > 0 && p - pages[i - 1]! > 1 ? <span className="px-1 text-slate-400">…</span> : null}
          <Link
            href={href(p)}
            aria-current={p === page ? "page" : undefined}
            className={`${linkClass} ${p === page ? "bg-emerald-700 text-white hover:bg-emerald-800" : ""}`}
          >
            <span className="sr-only">Page </span>
            {p}
          </Link>
        </span>
      ))}
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" className={linkClass}>
          Next →
        </Link>
      ) : null}
    </nav>
  );
}
