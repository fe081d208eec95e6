import Link from "next/link";
import { directoryHref, type DirectoryQuery } from "@/lib/community/directory-query";
import { buttonClass } from "./ui/button";

/** The directory's search: a plain GET form, so it works before (and without) any script. */
export function DirectorySearch({ query }: { query: DirectoryQuery }) {
  return (
    <div className="flex flex-col gap-3">
      <form role="search" action="/community/" method="get" className="flex gap-2">
        <label htmlFor="community-search" className="sr-only">
          Search members
        </label>
        <input
          id="community-search"
          type="search"
          name="q"
          defaultValue={query.q}
          maxLength={100}
          placeholder="Name, headline or interest"
          className="min-h-11 min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 text-base shadow-sm dark:border-slate-700 dark:bg-slate-900"
        />
        {query.interest ? <input type="hidden" name="interest" value={query.interest} /> : null}
        <button type="submit" className={buttonClass("primary")}>
          Search
        </button>
      </form>
      {query.interest || query.q ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-600 dark:text-slate-400">Filtered by</span>
          {query.interest ? (
            <Link
              href={directoryHref({ q: query.q })}
              className="inline-flex min-h-8 items-center gap-1 rounded-full bg-emerald-700 px-3 font-medium text-white hover:bg-emerald-800"
            >
              {query.interest}
              <span aria-hidden="true">×</span>
              <span className="sr-only">(remove the interest filter)</span>
            </Link>
          ) : null}
          {query.q ? (
            <Link
              href={directoryHref({ interest: query.interest })}
              className="inline-flex min-h-8 items-center gap-1 rounded-full bg-slate-200 px-3 font-medium text-slate-800 hover:bg-slate-300 dark:bg-slate-800 dark:text-slate-100"
            >
              “{query.q}”<span aria-hidden="true">×</span>
              <span className="sr-only">(clear the search)</span>
            </Link>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
