import {
  findByIdempotencyKey,
  findMessageForUser,
  findPublicUser,
  getConversationsForUser,
  getMessagesBetweenUsers,
  insertMessageWithinLimit,
  markAsRead,
  markConversationRead,
  MessageNotStored,
  MissingReceiverError,
  searchUsers,
  SendLimitReached,
  type MessagePage,
  type PublicUser,
} from "@/db/queries";
import { presenceOf } from "@/db/queries/presence";
import { mutedPartnersOf, setConversationMuted } from "@/db/queries/mutes";
import { NO_UNREAD, newestMessageIdOf, unreadCountsOf, type UnreadCounts } from "@/db/queries/summaries";
import { getDb } from "@/db/connection";
import type { Message } from "@/db/schema";
import { isDeletedMember } from "@/db/queries/account";
import { ApiError, badRequest, conflict, forbidden, notFound, tooManyRequests } from "@/lib/errors";
import { TtlCache } from "@/lib/ttl-cache";
import type { SendMessageInput } from "./schemas";
import { processWide } from "@/lib/process-wide";

export const SEND_LIMIT = { messages: 30, windowSeconds: 10 };

const noSuchMember = () => notFound("No member with that id.");
const memberGone = () => new ApiError(410, "This member has deleted their account.");

// Polling asks for the same partner every two seconds: keep their public card briefly.
const partners = processWide("partner-cards", () => new TtlCache<number, PublicUser>(15_000, 10_000));

export async function partnerOrNotFound(partnerId: number): Promise<PublicUser> {
  const partner = partners.get(partnerId) ?? (await findPublicUser(partnerId));
  if (!partner) throw noSuchMember();
  partners.set(partnerId, partner);
  return partner;
}

const sendLimitOf = (senderId: number) => ({ key: `send:${senderId}`, windowSeconds: SEND_LIMIT.windowSeconds, max: SEND_LIMIT.messages });

function tooManySends(retryAfterSeconds: number): ApiError {
  const wait = retryAfterSeconds;
  return tooManyRequests(`You're sending messages too quickly. Wait ${wait} second${wait === 1 ? "" : "s"} and try again.`, wait);
}

const sameMessage = (stored: Message, input: SendMessageInput) =>
  stored.receiverId === input.receiverId && stored.content === input.content && stored.messageType === input.messageType;

/**
 * Sends a message: never to yourself, only to a member, within the send limit;
 * a repeat with the same idempotency key returns the first message (and a
 * different message under a used key is a 409). One transaction, one commit:
 * the limit is counted in it (a refused send does not count), an unknown
 * receiver is caught by its foreign key and a deleted one by the insert itself.
 */
export async function sendMessage(senderId: number, input: SendMessageInput): Promise<{ message: Message; created: boolean }> {
  if (input.receiverId === senderId) throw badRequest("You cannot message yourself.");
  // One statement is the whole transaction (insertMessageWithinLimit); a refusal leaves nothing behind, not even the hit.
  try {
    const message = await insertMessageWithinLimit(await getDb(), { senderId, ...input }, sendLimitOf(senderId));
    return { message, created: true };
  } catch (error) {
    if (error instanceof SendLimitReached) throw tooManySends(error.retryAfterSeconds);
    if (error instanceof MissingReceiverError) throw noSuchMember();
    if (error instanceof MessageNotStored) return whyNotStored(senderId, input);
    throw error;
  }
}

/** A send that stored nothing (both rare, so asked only now): the receiver is gone, or the client_id was used. */
async function whyNotStored(senderId: number, input: SendMessageInput): Promise<{ message: Message; created: boolean }> {
  if (await isDeletedMember(input.receiverId)) throw memberGone();
  const first = await findByIdempotencyKey(await getDb(), senderId, input.idempotencyKey!);
  if (!first || !sameMessage(first, input)) {
    throw conflict("This client_id was already used for a different message. Send it with a new client_id.");
  }
  return { message: first, created: false };
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
/** A member's public card (briefly cached), or null when there is none. */
export const findPartner = (partnerId: number): Promise<PublicUser | null> => partnerOrNotFound(partnerId).catch(() => null);

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

/** Whether a partner is online now, and when they were last seen (the conversation header). */
export async function partnerPresence(partnerId: number) {
  const { online, lastSeen } = await presenceOf(partnerId);
  return { online, last_seen: lastSeen };
}

/** The member's unread total, and the part of it in muted conversations. */
export const unreadCountsFor = async (userId: number): Promise<UnreadCounts> =>
  (await unreadCountsOf(await getDb(), [userId])).get(userId) ?? NO_UNREAD;

/** Mutes or unmutes the member's conversation with a partner (their other screens hear of it). */
export async function muteConversation(userId: number, partnerId: number, muted: boolean): Promise<void> {
  if (partnerId === userId) throw badRequest("You cannot mute a conversation with yourself.");
  await partnerOrNotFound(partnerId);
  await setConversationMuted(await getDb(), userId, partnerId, muted);
}

/** The partners whose conversations the member muted. */
export const mutedPartnersFor = async (userId: number) => mutedPartnersOf(await getDb(), userId);

/** Where a page's events stream resumes: after the member's newest message when the page was drawn. */
export const newestMessageIdFor = async (userId: number) => newestMessageIdOf(await getDb(), userId);

export const inboxFor = (userId: number, page: { before?: number; limit?: number }) =>
  getConversationsForUser(userId, page);

export async function findPeople(userId: number, query: string): Promise<PublicUser[]> {
  return query.trim() ? searchUsers(query, userId, 20) : [];
}
