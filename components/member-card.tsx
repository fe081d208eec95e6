import { displayName } from "@/lib/members";
import Link from "next/link";
import type { DirectoryEntry } from "@/lib/community/directory";
import { InterestTags } from "./interest-tag";
import { LocationLine } from "./location-line";
import { MemberActions } from "./member-actions";
import { Avatar } from "./ui/avatar";

/** A member in the directory: who they are, what they care about, and a way to reach them. */
export function MemberCard({ entry, activeInterest }: { entry: DirectoryEntry; activeInterest: string }) {
  const shownName = displayName(entry);
  return (
    <article
      aria-labelledby={`member-${entry.id}-name`}
      className="flex h-full flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm transition-shadow hover:shadow-md dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-start gap-3">
        <Avatar id={entry.id} name={shownName} />
        <div className="min-w-0 flex-1">
          <h2 id={`member-${entry.id}-name`} className="truncate text-base font-semibold">
            <Link href={`/community/${entry.username}/`} className="hover:underline">
              {shownName}
            </Link>
            {entry.isViewer ? (
              <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 align-middle text-xs font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
                You
              </span>
            ) : null}
          </h2>
          <p className="truncate text-sm text-slate-500 dark:text-slate-400">@{entry.username}</p>
        </div>
      </div>
      {entry.headline ? <p className="line-clamp-2 text-sm text-slate-700 dark:text-slate-300">{entry.headline}</p> : null}
      {entry.location ? <LocationLine location={entry.location} /> : null}
      <InterestTags interests={entry.interests} activeInterest={activeInterest} />
      <div className="mt-auto flex flex-wrap gap-2 border-t border-slate-100 pt-4 dark:border-slate-800">
        <MemberActions member={entry} isViewer={entry.isViewer} inConversation={entry.inConversation} />
      </div>
    </article>
  );
}
