import type { Metadata } from "next";
import { DirectorySearch } from "@/components/directory-search";
import { MemberCard } from "@/components/member-card";
import { Pagination } from "@/components/pagination";
import { requirePageUser } from "@/lib/auth/page-session";
import { directoryPage } from "@/lib/community/directory";
import { directoryHref, parseDirectoryQuery } from "@/lib/community/directory-query";

export const metadata: Metadata = { title: "Community" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CommunityPage({ searchParams }: Props) {
  const query = parseDirectoryQuery(await searchParams);
  const viewer = await requirePageUser(directoryHref(query));
  const { entries, total, pageCount } = await directoryPage(viewer.id, query);
  const filtered = Boolean(query.q || query.interest);
  return (
    <main className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-4 py-6 sm:py-10">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Community</h1>
        <p className="text-slate-600 dark:text-slate-400">
          Find people to learn from, work with, or meet for a coffee chat.
        </p>
      </header>
      <DirectorySearch query={query} />
      <p aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400">
        {total === 1 ? "1 member" : `${total.toLocaleString("en")} members`}
        {filtered ? " found" : ""}
        {pageCount > 1 ? ` · page ${Math.min(query.page, pageCount)} of ${pageCount}` : ""}
      </p>
      {entries.length > 0 ? (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {entries.map((entry) => (
            <li key={entry.id}>
              <MemberCard entry={entry} activeInterest={query.interest} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="rounded-2xl border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
          <p className="font-medium">No members match.</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Try another word, or{" "}
            <a href="/community/" className="font-medium text-emerald-700 underline dark:text-emerald-400">
              see everyone
            </a>
            .
          </p>
        </div>
      )}
      <Pagination query={query} pageCount={pageCount} />
    </main>
  );
}
