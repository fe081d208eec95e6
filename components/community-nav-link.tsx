"use client";

import Link, { useLinkStatus } from "next/link";
import { createPortal } from "react-dom";
import { DirectorySkeleton } from "./skeletons";

/**
 * The header's link to the directory. While the directory loads after a click,
 * its skeleton covers the page. Not a loading.tsx: that would stream the
 * directory behind a fallback, and the directory must work without JavaScript.
 */
export function CommunityNavLink({ className }: { className: string }) {
  return (
    <Link href="/community/" className={className}>
      Community
      <PendingDirectory />
    </Link>
  );
}

function PendingDirectory() {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return createPortal(
    <div className="fixed inset-x-0 top-14 bottom-0 z-20 overflow-hidden bg-slate-50 dark:bg-slate-950">
      <DirectorySkeleton />
    </div>,
    document.body,
  );
}
