/** Every React Query key of the app, built in one place so invalidations match. */
export const queryKeys = {
  /** The member's UnreadCounts: the total and the part in muted conversations. */
  unreadCount: () => ["unread-count"] as const,
  /** The ids of the partners whose conversations the member muted. */
  mutes: () => ["mutes"] as const,
  conversations: () => ["conversations"] as const,
  messages: (partnerId: number) => ["messages", partnerId] as const,
  /** Every conversation's messages (a prefix of `messages`). */
  allMessages: () => ["messages"] as const,
  userSearch: (query: string) => ["user-search", query] as const,
  /** Until when (ms since epoch) the partner shows as typing; 0 when they are not. Written by live events only. */
  typing: (partnerId: number) => ["typing", partnerId] as const,
  presence: (partnerId: number) => ["presence", partnerId] as const,
  /** A member's name card (who a pushed message is from, on pages without the inbox). */
  partner: (partnerId: number) => ["partner", partnerId] as const,
};
