"use client";

import type { InfiniteData } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { isMuted, notificationsEnabled, soundEnabled, useMutedIds } from "@/lib/browser/alert-settings";
import { playChime } from "@/lib/browser/chime";
import { inboxRows, type InboxPage } from "@/lib/browser/inbox-rows";
import { newIncoming, titleWithCount, type SeenMessages } from "@/lib/browser/new-messages";
import { queryKeys } from "@/lib/browser/query-keys";
import { useCachedQueryData } from "@/lib/browser/use-cached-query-data";
import { conversationPath, displayName } from "@/lib/members";
import type { ConversationJson } from "@/lib/messaging/wire";
import { useToast, type ShowToast } from "./toaster";

const openPartnerOf = (path: string) => Number(/^\/messaging\/conversation\/(\d+)/.exec(path)?.[1] ?? NaN);

/**
 * Announces messages from other conversations (toast, optional sound, and a
 * browser notification while the tab is hidden) and keeps the unread total in
 * the tab title. Built only on the cached inbox and unread count, so it works
 * the same whether they arrive by polling or by push. Renders nothing.
 */
export function MessageAlerts({ me }: { me: number }) {
  const toast = useToast();
  const router = useRouter();
  const pathname = usePathname();
  const inbox = useCachedQueryData<InfiniteData<InboxPage>>(queryKeys.conversations());
  const unreadTotal = useCachedQueryData<number>(queryKeys.unreadCount());
  const muted = useMutedIds(me);
  const seen = useRef<SeenMessages>(new Map());
  const openPartner = openPartnerOf(pathname);

  useEffect(() => {
    if (!inbox) return;
    for (const row of newIncoming(inboxRows(inbox.pages), seen.current, me)) {
      if (isMuted(me, row.user.id)) continue;
      const hidden = document.visibilityState === "hidden";
      if (row.user.id === openPartner && !hidden) continue;
      announce(row, hidden, toast, (path) => router.push(path));
    }
    // Only a change of the inbox announces; the path and helpers are read as they are then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inbox]);

  const mutedUnread = inbox ? inboxRows(inbox.pages).reduce((sum, row) => sum + (muted.has(row.user.id) ? row.unread_count : 0), 0) : 0;
  const count = Math.max(0, (unreadTotal ?? 0) - mutedUnread);
  useEffect(() => {
    const apply = () => {
      const next = titleWithCount(document.title, count);
      if (document.title !== next) document.title = next;
    };
    apply();
    // Next sets the page's own title on navigation: put the count back in front of it.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [count, pathname]);

  return null;
}

/** One new message: a toast that opens its conversation, the sound if wanted, a notification if the tab is hidden. */
function announce(row: ConversationJson, hidden: boolean, toast: ShowToast, open: (path: string) => void) {
  const name = displayName(row.user);
  const preview = row.last_message.content.replace(/\s+/g, " ").slice(0, 140);
  toast(preview, "info", { title: name, href: conversationPath(row.user.id) });
  if (soundEnabled()) playChime();
  if (hidden && notificationsEnabled() && "Notification" in window && Notification.permission === "granted") {
    const notification = new Notification(name, { body: preview, tag: `conversation-${row.user.id}` });
    notification.onclick = () => {
      window.focus();
      open(conversationPath(row.user.id));
      notification.close();
    };
  }
}
