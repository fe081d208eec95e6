"use client";

import type { QueryClient } from "@tanstack/react-query";
import { readLocalKeys, writeLocal } from "./local-store";
import { closeMemberOutbox } from "./member-outbox";

/**
 * Whether a localStorage key holds something of member `me`: their drafts
 * (drafts.ts) and the muted list an earlier version kept in the browser
 * (mutes are on the server now). Browser-wide settings (sound, notifications) stay.
 */
export const isMemberKey = (me: number, key: string) => key.startsWith(`draft:${me}:`) || key === `alerts:muted:${me}`;

/** Removes what this browser keeps of member `me`: on a shared computer the next person's disk holds none of it. */
export function forgetMemberOnThisBrowser(me: number) {
  for (const key of readLocalKeys()) if (isMemberKey(me, key)) writeLocal(key, null);
}

/** The end of a member's session in this tab (signed out, out everywhere, account deleted): nothing of theirs stays behind. */
export function leaveSession(queryClient: QueryClient, me: number | null) {
  // Before the page goes, no retry of theirs may fire (with whoever's cookie the browser holds next).
  closeMemberOutbox(queryClient);
  // The cache first, so that no screen redraws this member's data while the storage empties.
  queryClient.clear();
  if (me !== null) forgetMemberOnThisBrowser(me);
  window.location.replace("/login/");
}
