import type { Message, User } from "@/db/schema";

/** A message as the API and the client see it. */
export type MessageJson = {
  id: number;
  content: string;
  sender_id: number;
  receiver_id: number;
  timestamp: string;
  is_read: boolean;
  read_at: string | null;
  message_type: string | null;
  client_id: string | null;
};

export type PartnerJson = { id: number; username: string; name: string; headline: string };

export type ConversationJson = {
  user: PartnerJson;
  last_message: MessageJson;
  unread_count: number;
};

const iso = (value: Date | string) => new Date(value).toISOString();

export function toMessageJson(message: Message): MessageJson {
  return {
    id: message.id,
    content: message.content,
    sender_id: message.senderId,
    receiver_id: message.receiverId,
    timestamp: iso(message.timestamp),
    is_read: message.isRead,
    read_at: message.readAt ? iso(message.readAt) : null,
    message_type: message.messageType,
    client_id: message.idempotencyKey,
  };
}

export function toPartnerJson(user: Pick<User, "id" | "username" | "name" | "headline">): PartnerJson {
  return { id: user.id, username: user.username, name: user.name, headline: user.headline };
}

export function toConversationJson(row: {
  partner: Pick<User, "id" | "username" | "name" | "headline">;
  lastMessage: Message;
  unreadCount: number;
}): ConversationJson {
  return { user: toPartnerJson(row.partner), last_message: toMessageJson(row.lastMessage), unread_count: row.unreadCount };
}

/** The unread-count answer and `unread` event: the total, and the part of it in muted conversations. */
export type { UnreadCounts } from "@/db/queries/summaries";
