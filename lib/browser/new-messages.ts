import type { ConversationJson, MessageJson } from "@/lib/messaging/wire";

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

/** What decides whether one pushed message is announced. */
export type AlertContext = {
  me: number;
  /** The partner whose conversation is on screen, if any. */
  openPartner: number | null;
  /** The tab is in the background (then even the open conversation's messages are announced). */
  hidden: boolean;
  isMuted(partnerId: number): boolean;
  /** Message ids already announced (a message may arrive by push and again by polling); updated here. */
  announced: Set<number>;
};

/**
 * Whether a message that just arrived deserves a toast (sound, notification):
 * from someone else, unread, not muted, not the conversation being read, and not announced before.
 */
export function shouldAnnounce(message: MessageJson, context: AlertContext): boolean {
  if (message.sender_id === context.me || message.receiver_id !== context.me || message.is_read) return false;
  if (context.announced.has(message.id)) return false;
  context.announced.add(message.id);
  if (context.isMuted(message.sender_id)) return false;
  return context.hidden || message.sender_id !== context.openPartner;
}

/** The start of a message as a toast or notification shows it: one line of spaces, at most 140 characters. */
export const previewOf = (content: string) => content.replace(/\s+/g, " ").trim().slice(0, 140);
