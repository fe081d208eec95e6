"use client";

import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { notificationsEnabled, soundEnabled } from "@/lib/browser/alert-settings";
import { playChime } from "@/lib/browser/chime";
import { inboxRows, type InboxPage } from "@/lib/browser/inbox-rows";
import { useLive, useLiveConnected } from "@/lib/browser/live/live-provider";
import { messageSender } from "@/lib/browser/message-sender";
import { newIncoming, previewOf, shouldAnnounce, titleWithCount, type SeenMessages } from "@/lib/browser/new-messages";
import { queryKeys } from "@/lib/browser/query-keys";
import { useCachedQueryData } from "@/lib/browser/use-cached-query-data";
import { useMutedIds } from "@/lib/browser/use-mutes";
import type { UnreadCounts } from "@/lib/messaging/wire";
import { conversationPath, displayName } from "@/lib/members";
import type { MessageJson, PartnerJson } from "@/lib/messaging/wire";
import { useToast, type ShowToast } from "./toaster";

const openPartnerOf = (path: string) => {
  const id = Number(/^\/messaging\/conversation\/(\d+)/.exec(path)?.[1] ?? NaN);
  return Number.isSafeInteger(id) ? id : null;
};
/** A burst of messages rings once. */
const CHIME_GAP_MS = 2_000;

/**
 * Announces messages from other conversations on every signed-in page (toast,
 * optional sound, and a browser notification while the tab is hidden), from
 * the live event stream; while the stream is down, from the polled inbox on
 * messaging pages. Keeps the unread total in the tab title. Renders nothing.
 */
export function MessageAlerts({ me }: { me: number }) {
  const toast = useToast();
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const { subscribe } = useLive();
  const connected = useLiveConnected();
  const inbox = useCachedQueryData<InfiniteData<InboxPage>>(queryKeys.conversations());
  const unread = useCachedQueryData<UnreadCounts>(queryKeys.unreadCount());
  const muted = useMutedIds();
  const seen = useRef<SeenMessages>(new Map());
  const [announced] = useState(() => new Set<number>());
  const lastChime = useRef(0);
  const considerRef = useRef<(message: MessageJson, sender?: PartnerJson) => void>(() => {});
  // The latest page and helpers, for listeners registered once.
  const current = useRef({ openPartner: openPartnerOf(pathname), toast, open: (path: string) => router.push(path), muted });
  useEffect(() => {
    current.current = { openPartner: openPartnerOf(pathname), toast, open: (path: string) => router.push(path), muted };
  });

  useEffect(() => {
    const consider = (message: MessageJson, sender?: PartnerJson) => {
      const hidden = document.visibilityState === "hidden";
      const context = { me, openPartner: current.current.openPartner, hidden, isMuted: (id: number) => current.current.muted.has(id), announced };
      if (!shouldAnnounce(message, context)) return;
      const ring = soundEnabled() && Date.now() - lastChime.current > CHIME_GAP_MS;
      if (ring) lastChime.current = Date.now();
      const from = sender ? Promise.resolve(sender) : messageSender(queryClient, message.sender_id);
      from
        .then((partner) => announce(partner, message, { hidden, ring }, current.current.toast, current.current.open))
        .catch(() => {}); // no name, no toast: the inbox badge still counts it
    };
    considerRef.current = consider;
    return subscribe((event) => {
      if (event.event === "message") consider(event.data);
    });
  }, [me, queryClient, subscribe, announced]);
  useEffect(() => {
    if (!inbox) return;
    const fresh = newIncoming(inboxRows(inbox.pages), seen.current, me);
    // While events flow they announced these already; polling is the fallback.
    if (connected) return;
    for (const row of fresh) considerRef.current(row.last_message, row.user);
    // Only a change of the inbox announces.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inbox]);

  // Muted conversations stay out of the title (the server counts them, so this holds on every page).
  const count = unread ? Math.max(0, unread.unread_count - unread.muted_unread_count) : 0;
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

type Delivery = { hidden: boolean; ring: boolean };

/** One new message: a toast that opens its conversation (one per conversation, counting up), the sound, a notification if the tab is hidden. */
function announce(partner: PartnerJson, message: MessageJson, { hidden, ring }: Delivery, toast: ShowToast, open: (path: string) => void) {
  const name = displayName(partner);
  const preview = previewOf(message.content);
  const path = conversationPath(partner.id);
  toast(preview, "info", { title: name, href: path, group: `conversation-${partner.id}` });
  if (ring) playChime();
  if (hidden && notificationsEnabled() && "Notification" in window && Notification.permission === "granted") {
    const notification = new Notification(name, { body: preview, tag: `conversation-${partner.id}` });
    notification.onclick = () => {
      window.focus();
      open(path);
      notification.close();
    };
  }
}
