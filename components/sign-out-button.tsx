"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useLive } from "@/lib/browser/live/live-provider";
import { leaveSession } from "@/lib/browser/member-session";

export function SignOutButton({ className }: { className?: string }) {
  const queryClient = useQueryClient();
  const { memberId } = useLive();
  async function onClick() {
    // next-auth's client is loaded on the click: every signed-in page shows this button, few press it.
    const { signOut } = await import("next-auth/react");
    // redirect: false, because next-auth would send us to NEXTAUTH_URL, which may be another port.
    await signOut({ redirect: false });
    // Nothing of this member may survive into the next one's screens or on this disk.
    leaveSession(queryClient, memberId);
  }
  return (
    <button
      type="button"
      onClick={onClick}
      className={
        className ??
        "inline-flex min-h-11 items-center rounded-md px-3 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
      }
    >
      Sign out
    </button>
  );
}
