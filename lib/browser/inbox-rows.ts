import type { InfiniteData } from "@tanstack/react-query";
import type { ConversationJson } from "@/lib/messaging/wire";

export type InboxPage = { conversations: ConversationJson[]; has_more: boolean };

/** The inbox as one list: pages joined, a partner shown once (a conversation can move between pages). */
export function inboxRows(pages: InboxPage[]): ConversationJson[] {
  const seen = new Set<number>();
  const rows: ConversationJson[] = [];
  for (const page of pages) {
    for (const row of page.conversations) {
      if (seen.has(row.user.id)) continue;
      seen.add(row.user.id);
      rows.push(row);
    }
  }
  return rows;
}

/** The cursor for the page after this one: the last row's last message. */
export const nextInboxCursor = (page: InboxPage) => (page.has_more ? page.conversations.at(-1)?.last_message.id : undefined);

/** The inbox with one partner's conversation read, before the server's next answer says so. */
export function withConversationRead(data: InfiniteData<InboxPage> | undefined, partnerId: number) {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      conversations: page.conversations.map((row) => (row.user.id === partnerId ? { ...row, unread_count: 0 } : row)),
    })),
  };
}
