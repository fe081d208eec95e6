/** Every React Query key of the app, built in one place so invalidations match. */
export const queryKeys = {
  unreadCount: () => ["unread-count"] as const,
  conversations: () => ["conversations"] as const,
  messages: (partnerId: number) => ["messages", partnerId] as const,
  /** Every conversation's messages (a prefix of `messages`). */
  allMessages: () => ["messages"] as const,
  userSearch: (query: string) => ["user-search", query] as const,
};
