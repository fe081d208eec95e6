"use client";

import { useSelectedLayoutSegment } from "next/navigation";
import type { ReactNode } from "react";

/**
 * Laptops: the inbox on the left, the open conversation on the right.
 * Phones (below 768 px): one screen at a time, the inbox or the conversation.
 */
export function MessagingPanes({ inbox, children }: { inbox: ReactNode; children: ReactNode }) {
  const inConversation = useSelectedLayoutSegment() !== null;
  return (
    <main
      data-fills-screen
      data-conversation-open={inConversation || undefined}
      className="mx-auto flex min-h-0 w-full flex-1 max-w-6xl overflow-hidden bg-white md:border-x md:border-slate-200 dark:bg-slate-900 md:dark:border-slate-800">
      <div
        className={`${inConversation ? "hidden md:flex" : "flex"} w-full min-w-0 flex-col md:w-80 md:shrink-0 md:border-r md:border-slate-200 lg:w-96 md:dark:border-slate-800`}
      >
        {inbox}
      </div>
      <div className={`${inConversation ? "flex" : "hidden md:flex"} min-w-0 flex-1 flex-col`}>{children}</div>
    </main>
  );
}
