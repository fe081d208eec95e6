/** Where the unread messages began when the conversation was opened, and how many there were. */
export type UnreadMark = { firstKey: string; count: number };

export const UNREAD_DIVIDER_ID = "unread-divider";

/** "3 unread messages": stays until the member leaves the conversation, though opening it marks them read. */
export function UnreadDivider({ count }: { count: number }) {
  return (
    <li id={UNREAD_DIVIDER_ID} data-testid="unread-divider" className="my-3 flex scroll-mt-3 items-center gap-3">
      <span aria-hidden="true" className="h-px flex-1 bg-emerald-600/40" />
      <span className="rounded-full bg-emerald-50 px-3 py-1 text-xs font-semibold text-emerald-800 ring-1 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200">
        {count === 1 ? "1 unread message" : `${count} unread messages`}
      </span>
      <span aria-hidden="true" className="h-px flex-1 bg-emerald-600/40" />
    </li>
  );
}

/** The first message from the partner not yet read when the conversation opened, and the count from there on. */
export function unreadMarkOf<M extends { sender_id: number; is_read: boolean }>(
  messages: M[],
  partnerId: number,
  keyOf: (message: M) => string,
): UnreadMark | null {
  const unread = messages.filter((m) => m.sender_id === partnerId && !m.is_read);
  return unread.length > 0 ? { firstKey: keyOf(unread[0]!), count: unread.length } : null;
}
