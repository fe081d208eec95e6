import {
  countUnread,
  findMessageForUser,
  findPublicUser,
  getConversationsForUser,
  getMessagesBetweenUsers,
  hitRateLimit,
  insertMessage,
  markAsRead,
  markConversationRead,
  MissingReceiverError,
  searchUsers,
  type MessagePage,
  type PublicUser,
} from "@/db/queries";
import type { Executor } from "@/db/connection";
import type { Message } from "@/db/schema";
import { badRequest, forbidden, notFound, tooManyRequests } from "@/lib/errors";
import { TtlCache } from "@/lib/ttl-cache";
import type { SendMessageInput } from "./schemas";

export const SEND_LIMIT = { messages: 30, windowSeconds: 10 };

const noSuchMember = () => notFound("No member with that id.");

// Polling asks for the same partner every two seconds: keep their public card briefly.
const partners = new TtlCache<number, PublicUser>(15_000, 10_000);

async function partnerOrNotFound(partnerId: number): Promise<PublicUser> {
  const partner = partners.get(partnerId) ?? (await findPublicUser(partnerId));
  if (!partner) throw noSuchMember();
  partners.set(partnerId, partner);
  return partner;
}

/**
 * Sends a message: never to yourself, only to a member, within the send limit;
 * repeats are idempotent. The limit is counted in the send's own transaction
 * (one commit per message), and an unknown receiver is caught by its foreign key.
 */
export async function sendMessage(senderId: number, input: SendMessageInput) {
  if (input.receiverId === senderId) throw badRequest("You cannot message yourself.");
  const withinLimit = async (tx: Executor) => {
    const hit = await hitRateLimit(`send:${senderId}`, SEND_LIMIT.windowSeconds, tx);
    if (hit.count <= SEND_LIMIT.messages) return;
    const wait = hit.retryAfterSeconds;
    throw tooManyRequests(
      `You're sending messages too quickly. Wait ${wait} second${wait === 1 ? "" : "s"} and try again.`,
      wait,
    );
  };
  try {
    return await insertMessage({ senderId, ...input }, { guard: withinLimit });
  } catch (error) {
    throw error instanceof MissingReceiverError ? noSuchMember() : error;
  }
}

/** A page of the conversation between the user and a partner, oldest first. */
export async function conversationPage(userId: number, partnerId: number, page: MessagePage) {
  if (partnerId === userId) throw badRequest("You cannot have a conversation with yourself.");
  const [partner, { messages, hasMore }] = await Promise.all([
    partnerOrNotFound(partnerId),
    getMessagesBetweenUsers(userId, partnerId, page),
  ]);
  return { partner, messages, hasMore };
}

/** The partner of a conversation page: never yourself (400), only a member (404). */
export async function conversationPartner(userId: number, partnerId: number): Promise<PublicUser> {
  if (partnerId === userId) throw badRequest("You cannot have a conversation with yourself.");
  return partnerOrNotFound(partnerId);
}

/** Marks one message read: only its receiver may; anyone else's message is a 404. */
export async function markMessageRead(userId: number, messageId: number): Promise<Message> {
  const message = await findMessageForUser(messageId, userId);
  if (!message) throw notFound("No such message.");
  if (message.receiverId !== userId) throw forbidden("Only the receiver can mark a message as read.");
  await markAsRead(messageId, userId);
  return message;
}

/** Marks everything the partner sent the user as read; returns how many changed. */
export async function markConversationReadFor(userId: number, partnerId: number): Promise<number> {
  if (partnerId === userId) throw badRequest("You cannot have a conversation with yourself.");
  await partnerOrNotFound(partnerId);
  return markConversationRead(userId, partnerId);
}

export const unreadCountFor = (userId: number) => countUnread(userId);

export const inboxFor = (userId: number, page: { before?: number; limit?: number }) =>
  getConversationsForUser(userId, page);

export async function findPeople(userId: number, query: string): Promise<PublicUser[]> {
  return query.trim() ? searchUsers(query, userId, 20) : [];
}
