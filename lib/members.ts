/** What a member is called on screen: their name, or their username when they gave none. */
export const displayName = (member: { name?: string | null; username: string }): string =>
  member.name || member.username;

/** The page of the conversation with a member. */
export const conversationPath = (partnerId: number): string => `/messaging/conversation/${partnerId}/`;
