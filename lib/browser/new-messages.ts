import type { ConversationJson } from "@/lib/messaging/wire";

/** The newest message id seen per partner: what "new" is measured against. */
export type SeenMessages = Map<number, number>;

/**
 * The inbox rows whose last message arrived since `seen` and is unread, from
 * the partner (not our own sends); updates `seen`. Rows seen for the first
 * time count as new only after the first look (`seen` not empty).
 */
export function newIncoming(rows: ConversationJson[], seen: SeenMessages, me: number): ConversationJson[] {
  const firstLook = seen.size === 0;
  const fresh: ConversationJson[] = [];
  for (const row of rows) {
    const last = row.last_message;
    const before = seen.get(row.user.id);
    if (before === undefined || last.id > before) seen.set(row.user.id, last.id);
    if (firstLook || (before !== undefined && last.id <= before)) continue;
    if (last.sender_id !== me && row.unread_count > 0 && !last.is_read) fresh.push(row);
  }
  return fresh;
}

/** "(3) Messages": the page's own title with the unread count in front (none at zero). */
export function titleWithCount(title: string, count: number): string {
  const bare = title.replace(/^\(\d+\+?\)\s/, "");
  return count > 0 ? `(${count > 99 ? "99+" : count}) ${bare}` : bare;
}
