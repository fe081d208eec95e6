import Link from "next/link";
import { SignOutButton } from "./sign-out-button";
import { Avatar } from "./ui/avatar";

const ITEM =
  "flex min-h-11 w-full items-center rounded-md px-3 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800";

/**
 * The avatar opens the member's menu: profile, settings and Sign out. A native
 * popover: it opens, closes on Escape or a click outside, without page script.
 */
export function MemberMenu({ id, name, username }: { id: number; name: string; username: string }) {
  return (
    <>
      <button
        type="button"
        popoverTarget="member-menu"
        className="inline-flex min-h-11 items-center gap-2 rounded-full px-1.5 hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <Avatar id={id} name={name} size="sm" />
        <span className="sr-only">Account menu ({name})</span>
      </button>
      <div
        id="member-menu"
        popover="auto"
        className="member-menu w-60 rounded-xl border border-slate-200 bg-white p-1.5 text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <p className="truncate px-3 pt-2 pb-1 text-sm font-semibold">{name}</p>
        <p className="truncate px-3 pb-2 text-xs text-slate-600 dark:text-slate-400">@{username}</p>
        <nav aria-label="Account" className="flex flex-col border-t border-slate-200 pt-1 dark:border-slate-800">
          <Link href="/settings/profile/" className={ITEM}>
            Profile and settings
          </Link>
          <SignOutButton className={ITEM} />
        </nav>
      </div>
    </>
  );
}
