import { displayName } from "@/lib/members";
import Link from "next/link";
import { unreadCountsFor } from "@/lib/messaging/service";
import { currentUser } from "@/lib/auth/page-session";
import { MemberMenu } from "./member-menu";
import { UnreadBadge } from "./unread-badge";

/** The top bar: where you are, your unread count, and your account menu. Phones in a conversation hide it (globals.css). */
export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header id="site-header" className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
      <nav aria-label="Main" className="mx-auto flex h-14 max-w-6xl items-center gap-1 px-3 sm:gap-3 sm:px-4">
        <Link href={user ? "/messaging/" : "/"} className="mr-auto flex items-center gap-2 font-semibold">
          <span aria-hidden="true" className="inline-flex h-8 w-8 items-center justify-center rounded-lg bg-emerald-600 text-white">
            ◆
          </span>
          <span className="sr-only sm:not-sr-only">Community</span>
        </Link>
        {user ? (
          <>
            <Link
              href="/messaging/"
              className="relative inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              Messages
              <UnreadBadge initial={await unreadCountsFor(user.id)} />
            </Link>
            <Link
              href="/community/"
              className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              Community
            </Link>
            <MemberMenu id={user.id} name={displayName(user)} username={user.username} />
          </>
        ) : (
          <>
            <Link href="/login/" className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium">
              Sign in
            </Link>
            <Link
              href="/signup/"
              className="inline-flex min-h-11 items-center rounded-md bg-emerald-700 px-3 text-sm font-medium text-white hover:bg-emerald-800"
            >
              Join
            </Link>
          </>
        )}
      </nav>
    </header>
  );
}
