import type { InfiniteData, Query, QueryClient, QueryKey } from "@tanstack/react-query";
import type { LiveEvent } from "@/lib/live/events";
import type { ConversationJson, MessageJson } from "@/lib/messaging/wire";
import { mergeMessages, type ConversationCache } from "../conversation-cache";
import type { InboxPage } from "../inbox-rows";
import { queryKeys } from "../query-keys";

/** How long "typing…" shows without a new signal. */
export const TYPING_SHOWN_MS = 7_000;

export type PresenceState = { online: boolean; last_seen: string | null };

const partnerOf = (message: MessageJson, me: number) => (message.sender_id === me ? message.receiver_id : message.sender_id);

/** The inbox with a new message at the top of its conversation's row; undefined when the row is not loaded. */
export function inboxWithMessage(data: InfiniteData<InboxPage> | undefined, message: MessageJson, me: number) {
  if (!data) return undefined;
  const partnerId = partnerOf(message, me);
  const row = data.pages.flatMap((p) => p.conversations).find((r) => r.user.id === partnerId);
  if (!row) return undefined;
  if (row.last_message.id >= message.id) return data;
  const received = message.receiver_id === me && !message.is_read;
  const moved: ConversationJson = { ...row, last_message: message, unread_count: row.unread_count + (received ? 1 : 0) };
  const [first, ...rest] = data.pages.map((page) => ({
    ...page,
    conversations: page.conversations.filter((r) => r.user.id !== partnerId),
  }));
  return { ...data, pages: [{ ...first!, conversations: [moved, ...first!.conversations] }, ...rest] };
}

/** Messages up to `upToId` from `senderId` marked read, in one conversation's cache. */
export function readUpTo(cache: ConversationCache | undefined, senderId: number, upToId: number, readAt: string) {
  if (!cache) return cache;
  return {
    ...cache,
    messages: cache.messages.map((m) =>
      m.sender_id === senderId && m.id <= upToId && !m.is_read && m.delivery === undefined ? { ...m, is_read: true, read_at: readAt } : m,
    ),
  };
}

function inboxAfterRead(data: InfiniteData<InboxPage> | undefined, partnerId: number, senderId: number, upToId: number, readAt: string) {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      conversations: page.conversations.map((row) => {
        if (row.user.id !== partnerId) return row;
        const last = row.last_message;
        const lastRead = last.sender_id === senderId && last.id <= upToId ? { ...last, is_read: true, read_at: readAt } : last;
        // Our own read, from another tab: everything up to the newest message is read now.
        const unread = senderId === partnerId && upToId >= last.id ? 0 : row.unread_count;
        return { ...row, last_message: lastRead, unread_count: unread };
      }),
    })),
  };
}

/** Messaging data the page shows: what a resync or a reconnection refetches. */
export const MESSAGING_KEYS = [queryKeys.conversations(), queryKeys.unreadCount(), queryKeys.mutes(), ["messages"]] as const;

/** The muted partners' ids with one conversation muted or unmuted (the same array when nothing changes). */
export function withMuted(ids: number[], partnerId: number, muted: boolean): number[] {
  if (ids.includes(partnerId) === muted) return ids;
  return muted ? [...ids, partnerId].sort((a, b) => a - b) : ids.filter((id) => id !== partnerId);
}

/** What a change answers when the cached data cannot tell the change's result: the query is fetched again. */
const REFETCH = Symbol("refetch");

/** One change an event makes to one cached query: its data after the change, or REFETCH. */
type CacheWrite = { queryKey: QueryKey; change(data: unknown): unknown };

const write = <T,>(queryKey: QueryKey, change: (data: T) => T | typeof REFETCH): CacheWrite => ({
  queryKey,
  change: change as (data: unknown) => unknown,
});

/**
 * What one live event changes in the member's cache. Every change is safe to
 * repeat: a message is known by its id, a read by the id it reads up to, and
 * a total, a typing signal or a presence is the latest state.
 */
function writesOf(event: LiveEvent, me: number, receivedAt: number): CacheWrite[] {
  switch (event.event) {
    case "message": {
      const message = event.data;
      const partnerId = partnerOf(message, me);
      return [
        write<ConversationCache>(queryKeys.messages(partnerId), (cache) => ({ ...cache, messages: mergeMessages(cache.messages, [message]) })),
        // A conversation whose row is not loaded cannot be moved up: the inbox is asked again.
        write<InfiniteData<InboxPage>>(queryKeys.conversations(), (inbox) => inboxWithMessage(inbox, message, me) ?? REFETCH),
        // A message ends the sender's typing.
        ...(message.sender_id !== me ? [write<number>(queryKeys.typing(message.sender_id), () => 0)] : []),
      ];
    }
    case "read": {
      const { reader_id, partner_id, up_to_id, read_at } = event.data;
      // The partner read ours (reader is the partner), or we read theirs in another tab (reader is us).
      const [conversationWith, senderId] = reader_id === me ? [partner_id, partner_id] : [reader_id, me];
      return [
        write<ConversationCache>(queryKeys.messages(conversationWith), (cache) => readUpTo(cache, senderId, up_to_id, read_at)!),
        write<InfiniteData<InboxPage>>(queryKeys.conversations(), (inbox) => inboxAfterRead(inbox, conversationWith, senderId, up_to_id, read_at)!),
      ];
    }
    case "unread":
      return [write(queryKeys.unreadCount(), () => event.data)];
    case "mute": {
      const { user_id, muted } = event.data;
      return [write<number[]>(queryKeys.mutes(), (ids) => withMuted(ids, user_id, muted))];
    }
    case "typing":
      // Shown for a while after it came (a replayed signal from long ago shows nothing).
      return [write(queryKeys.typing(event.data.user_id), () => (event.data.typing ? receivedAt + TYPING_SHOWN_MS : 0))];
    case "presence":
      return [write<PresenceState>(queryKeys.presence(event.data.user_id), () => ({ online: event.data.online, last_seen: event.data.last_seen }))];
    case "resync":
    case "ping":
      return [];
  }
}

/**
 * Writes one live event into the member's React Query cache (nothing here asks
 * the server, except a resync or an inbox that cannot place a message).
 *
 * Only queries that exist and that `accepts` are written: a query a page has
 * not drawn yet keeps the data the server drew it with (so hydration matches),
 * and the live provider replays the event into it once it is drawn.
 */
export function applyLiveEvent(
  queryClient: QueryClient,
  event: LiveEvent,
  me: number,
  accepts: (query: Query) => boolean = () => true,
  /** When the event came (ms since epoch): a replay passes the original moment. */
  receivedAt = Date.now(),
): void {
  if (event.event === "resync") {
    for (const queryKey of MESSAGING_KEYS) void queryClient.invalidateQueries({ queryKey });
    return;
  }
  for (const { queryKey, change } of writesOf(event, me, receivedAt)) {
    const query = queryClient.getQueryCache().find({ queryKey, exact: true });
    if (!query || query.state.data === undefined || !accepts(query)) continue;
    const next = change(query.state.data);
    if (next === REFETCH) void queryClient.invalidateQueries({ queryKey, exact: true });
    else if (next !== query.state.data) queryClient.setQueryData(queryKey, next);
  }
}

/** The newest message id this tab already knows (where a new stream can start without refetching). */
export function newestKnownMessageId(queryClient: QueryClient): number | undefined {
  let newest: number | undefined;
  const see = (id: number) => (newest = Math.max(newest ?? 0, id));
  const inbox = queryClient.getQueryData<InfiniteData<InboxPage>>(queryKeys.conversations());
  inbox?.pages.forEach((p) => p.conversations.forEach((row) => see(row.last_message.id)));
  for (const [, cache] of queryClient.getQueriesData<ConversationCache>({ queryKey: ["messages"] })) {
    cache?.messages.forEach((m) => m.delivery === undefined && see(m.id));
  }
  return newest;
}
