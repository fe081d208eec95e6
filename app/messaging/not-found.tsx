import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** An unknown member, or an address that is not a member's id. */
export default function ConversationNotFound() {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 bg-slate-50 px-8 py-16 text-center dark:bg-slate-950">
      <h2 className="text-lg font-semibold">We couldn’t find that member</h2>
      <p className="max-w-sm text-sm text-slate-600 dark:text-slate-400">
        The link may be old, or the account may no longer exist. Pick someone from your messages or look them up.
      </p>
      <div className="mt-2 flex flex-wrap justify-center gap-2">
        <Link href="/messaging/" className={buttonClass("primary")}>
          Back to messages
        </Link>
        <Link href="/community/" className={buttonClass("secondary")}>
          Browse the community
        </Link>
      </div>
    </div>
  );
}
