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

const SESSION_CHANNEL = "community-session";
type SessionNotice = { member: number | null };
/** This tab's end of the channel: what it says reaches the other tabs, never itself. */
let thisTab: BroadcastChannel | null = null;

/**
 * The tabs of one browser share its session cookie: once a member signs out in one tab (and perhaps someone else
 * signs in), a page still open for them elsewhere would poll, reconnect its events stream and send its waiting
 * messages with the next person's cookie, drawing their inbox into a page drawn for the first member. Each page says
 * which member it is for (null: nobody) when it starts, and `onOther` runs in every tab that was for someone else.
 */
export function watchSessionInOtherTabs(me: number | null, onOther: () => void): () => void {
  if (typeof BroadcastChannel !== "function") return () => {};
  const channel = new BroadcastChannel(SESSION_CHANNEL);
  thisTab = channel;
  channel.onmessage = ({ data }: MessageEvent<SessionNotice>) => {
    if (data && data.member !== me) onOther();
  };
  channel.postMessage({ member: me } satisfies SessionNotice);
  return () => {
    channel.close();
    if (thisTab === channel) thisTab = null;
  };
}

/** Tells the other tabs at once that nobody is signed in any more (before this tab has even left the page). */
function announceSignedOut() {
  if (!thisTab) return; // no page watching here: the next page to start says it
  thisTab.onmessage = null; // this tab is leaving by itself
  thisTab.postMessage({ member: null } satisfies SessionNotice);
}

/**
 * What this page holds of its member goes: no retry of theirs may fire (with whoever's cookie the browser holds
 * next), and the cache empties before anything else so that no screen redraws their data meanwhile.
 */
function dropPageData(queryClient: QueryClient) {
  closeMemberOutbox(queryClient);
  queryClient.clear();
}

/** A page for a member who is no longer the browser's: their data goes, and the page is drawn again for whoever is. */
export function leaveStalePage(queryClient: QueryClient) {
  dropPageData(queryClient);
  window.location.reload();
}

/** The end of a member's session in this tab (signed out, out everywhere, account deleted): nothing of theirs stays behind. */
export function leaveSession(queryClient: QueryClient, me: number | null) {
  announceSignedOut();
  dropPageData(queryClient);
  if (me !== null) forgetMemberOnThisBrowser(me);
  window.location.replace("/login/");
}
