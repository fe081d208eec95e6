"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { LiveProvider } from "@/lib/browser/live/live-provider";
import { closeMemberOutbox } from "@/lib/browser/member-outbox";
import { leaveStalePage, watchSessionInOtherTabs } from "@/lib/browser/member-session";
import { makeQueryClient } from "@/lib/browser/query-client";
import { queryKeys } from "@/lib/browser/query-keys";
import { ClockProvider } from "@/lib/browser/use-clock";
import type { ReaderClock } from "@/lib/reader-clock";
import { Toaster } from "./toaster";

/**
 * Browser state for one member: the layout keys this by the signed-in member,
 * so a change of member (sign-out, sign-in as someone else) starts from an empty cache.
 */
export function Providers({
  memberId,
  newestMessageId,
  mutedIds,
  clock,
  children,
}: {
  memberId: number | null;
  /** The member's newest message when the page was drawn: where the events stream resumes if the cache knows none. */
  newestMessageId: number | null;
  /** The partners the member muted, as the server read them (drawn at once: no request for them). */
  mutedIds: number[] | null;
  clock: ReaderClock;
  children: ReactNode;
}) {
  const [client] = useState(() => {
    const queryClient = makeQueryClient();
    if (mutedIds) queryClient.setQueryData(queryKeys.mutes(), mutedIds);
    return queryClient;
  });
  // Marks the page as interactive (browser tests wait for it before typing: a key pressed earlier goes nowhere).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  // Another member (or none) takes over the page: this member's waiting messages and retry timer end with their cache.
  useEffect(() => () => closeMemberOutbox(client), [client]);
  // Signed out (or in as someone else) in another tab of this browser: this page is no longer this member's.
  useEffect(() => watchSessionInOtherTabs(memberId, () => leaveStalePage(client)), [memberId, client]);
  return (
    <QueryClientProvider client={client}>
      <ClockProvider value={clock}>
        <LiveProvider memberId={memberId} newestMessageId={newestMessageId}>
          <Toaster>{children}</Toaster>
        </LiveProvider>
      </ClockProvider>
    </QueryClientProvider>
  );
}
