import type { DatabaseHandle } from "@/db/connection";
import { EVENTS_CHANNEL, parseNotice, type ChangeNotice } from "@/db/events";
import { findMessagesByIds } from "@/db/queries/messages";
import { partnersAmong } from "@/db/queries/presence";
import { NO_UNREAD, unreadCountsOf } from "@/db/queries/summaries";
import { getDb } from "@/db/connection";
import { toMessageJson } from "@/lib/messaging/wire";
import { onShutdown } from "@/lib/shutdown";
import type { LiveEvent } from "./events";
import { startPresenceSweep } from "./presence";
import { processWide } from "@/lib/process-wide";

/** One open stream of a member on this instance. */
export type Subscriber = {
  memberId: number;
  deliver(event: LiveEvent): void;
  close(): void;
};

type SignoutHandler = (memberId: number, sessionId: string | null) => void;

type HubState = {
  members: Map<number, Set<Subscriber>>;
  queue: ChangeNotice[];
  draining: boolean;
  started?: Promise<void>;
  stop?: () => Promise<void>;
  signoutHandlers: Set<SignoutHandler>;
  missedHandlers: Set<() => void>;
};

// One per process: every route handler (Next's and the hot paths') and dev hot reloads share one hub.
const hub = processWide<HubState>("hub", () => ({
  members: new Map<number, Set<Subscriber>>(),
  queue: [],
  draining: false,
  signoutHandlers: new Set<SignoutHandler>(),
  missedHandlers: new Set<() => void>(),
}));

export const isLive = () => hub.started !== undefined;

/** Members with at least one open stream on this instance. */
export const connectedMembers = () => [...hub.members.keys()];

const subscribersOf = (memberId: number) => hub.members.get(memberId);

/** Adds a stream; returns its removal, safe to call more than once. The first stream of a member reports whether it was. */
export function subscribe(subscriber: Subscriber): { unsubscribe: () => void; first: boolean } {
  let set = hub.members.get(subscriber.memberId);
  const first = !set;
  if (!set) hub.members.set(subscriber.memberId, (set = new Set()));
  set.add(subscriber);
  const unsubscribe = () => {
    const current = hub.members.get(subscriber.memberId);
    if (!current?.delete(subscriber)) return;
    if (current.size === 0) hub.members.delete(subscriber.memberId);
  };
  return { unsubscribe, first };
}

function deliverTo(memberId: number, event: LiveEvent) {
  for (const subscriber of subscribersOf(memberId) ?? []) subscriber.deliver(event);
}

/** Tells every stream that changes may have been missed (the listener reconnected, or dispatch failed). */
export function resyncAll() {
  for (const set of hub.members.values()) for (const subscriber of set) subscriber.deliver({ event: "resync", data: {} });
}

function closeAll() {
  for (const set of [...hub.members.values()]) for (const subscriber of [...set]) subscriber.close();
}

/** Called when another instance (or this one) ended a member's session(s): caches drop them at once. */
export function onSignout(handler: SignoutHandler): () => void {
  hub.signoutHandlers.add(handler);
  return () => hub.signoutHandlers.delete(handler);
}

/** Calls `handler` when notices may have been missed: the listener lost its connection and is back. */
export function onMissedNotices(handler: () => void): () => void {
  hub.missedHandlers.add(handler);
  return () => hub.missedHandlers.delete(handler);
}

/** Whom a batch of notices concerns on this instance, and what must be loaded for them: one query each, whatever the batch holds. */
async function loadFor(batch: ChangeNotice[]) {
  const here = (id: number) => hub.members.has(id);
  const messageIds = batch.flatMap((n) => (n.k === "message" && (here(n.sender) || here(n.receiver)) ? [n.id] : []));
  const countFor = new Set(
    batch.flatMap((n) => (n.k === "message" ? [n.receiver] : n.k === "read" ? [n.reader] : n.k === "mute" ? [n.member] : [])).filter(here),
  );
  const present = batch.flatMap((n) => (n.k === "presence" ? [n.member] : []));
  const [found, totals, partners] = await Promise.all([
    findMessagesByIds(messageIds),
    unreadCountsOf(await getDb(), [...countFor]),
    partnersAmong([...new Set(present)], connectedMembers()),
  ]);
  return { messages: new Map(found.map((m) => [m.id, toMessageJson(m)])), totals, countFor, partners };
}

async function dispatch(batch: ChangeNotice[]) {
  const { messages, totals, countFor, partners } = await loadFor(batch);
  const unread = (memberId: number) => {
    if (countFor.delete(memberId)) deliverTo(memberId, { event: "unread", data: totals.get(memberId) ?? NO_UNREAD });
  };
  for (const notice of batch) {
    switch (notice.k) {
      case "message": {
        const message = messages.get(notice.id);
        if (!message) break;
        const event: LiveEvent = { event: "message", id: message.id, data: message };
        deliverTo(notice.sender, event);
        deliverTo(notice.receiver, event);
        break;
      }
      case "read": {
        const data = { reader_id: notice.reader, partner_id: notice.partner, up_to_id: notice.upTo, read_at: notice.at };
        deliverTo(notice.partner, { event: "read", data });
        deliverTo(notice.reader, { event: "read", data });
        break;
      }
      case "typing":
        deliverTo(notice.to, { event: "typing", data: { user_id: notice.from, typing: notice.typing } });
        break;
      case "presence": {
        const event: LiveEvent = {
          event: "presence",
          data: { user_id: notice.member, online: notice.online, last_seen: notice.lastSeen },
        };
        for (const partner of partners.get(notice.member) ?? []) deliverTo(partner, event);
        break;
      }
      case "mute":
        // The member's other screens; their unread event (below) says what the title now leaves out.
        deliverTo(notice.member, { event: "mute", data: { user_id: notice.partner, muted: notice.muted } });
        break;
      case "signout":
        for (const handler of hub.signoutHandlers) handler(notice.member, notice.session);
        for (const subscriber of [...(subscribersOf(notice.member) ?? [])]) subscriber.close();
        break;
    }
  }
  // Totals after the batch's messages: one unread event per member and batch.
  for (const memberId of [...countFor]) unread(memberId);
}

/** Notices are handled one batch at a time, in commit order, so each member's messages leave in id order. */
async function drain() {
  if (hub.draining) return;
  hub.draining = true;
  try {
    while (hub.queue.length > 0) {
      const batch = hub.queue.splice(0, 500);
      try {
        await dispatch(batch);
      } catch (error) {
        console.error("Live delivery failed for a batch of changes; streams will refetch", error);
        resyncAll();
      }
    }
  } finally {
    hub.draining = false;
  }
}

export function receiveNotice(payload: string) {
  const notice = parseNotice(payload);
  if (!notice) return;
  hub.queue.push(notice);
  void drain();
}

/**
 * Listens for changes from every instance (one LISTEN per process) and starts
 * the presence sweep. A reconnected listener may have missed notifications:
 * every stream is told to resync.
 */
export function startLiveDelivery(handle: DatabaseHandle): Promise<void> {
  hub.started ??= (async () => {
    const unlisten = await handle.listen(EVENTS_CHANNEL, {
      onNotify: receiveNotice,
      onListen: (reconnected) => {
        if (!reconnected) return;
        resyncAll();
        for (const handler of hub.missedHandlers) handler();
      },
    });
    const stopSweep = startPresenceSweep();
    hub.stop = async () => {
      stopSweep();
      closeAll();
      await unlisten().catch(() => {});
    };
    onShutdown(() => stopLiveDelivery());
  })().catch((error) => {
    hub.started = undefined;
    throw error;
  });
  return hub.started;
}

/** Closes every stream and stops listening (on shutdown, and between tests). */
export async function stopLiveDelivery(): Promise<void> {
  const stop = hub.stop;
  hub.stop = undefined;
  hub.started = undefined;
  await stop?.();
}
