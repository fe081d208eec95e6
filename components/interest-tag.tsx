import Link from "next/link";
import { directoryHref } from "@/lib/community/directory-query";

/** An interest as a tag that filters the directory to the members who share it. */
export function InterestTag({ interest, active = false }: { interest: string; active?: boolean }) {
  return (
    <Link
      href={directoryHref({ interest })}
      aria-current={active ? "true" : undefined}
      className={`inline-flex min-h-7 items-center rounded-full px-2.5 text-xs font-medium transition-colors ${
        active
          ? "bg-emerald-700 text-white"
          : "bg-slate-100 text-slate-700 hover:bg-emerald-50 hover:text-emerald-800 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-emerald-950 dark:hover:text-emerald-200"
      }`}
    >
      <span className="sr-only">Members interested in </span>
      {interest}
    </Link>
  );
}

export function InterestTags({ interests, activeInterest = "" }: { interests: string[]; activeInterest?: string }) {
  if (interests.length === 0) return null;
  return (
    <ul aria-label="Interests" className="flex flex-wrap gap-1.5">
      {interests.map((interest) => (
        <li key={interest}>
          <InterestTag interest={interest} active={interest.toLowerCase() === activeInterest.toLowerCase()} />
        </li>
      ))}
    </ul>
  );
}
