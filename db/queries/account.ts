import { and, asc, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Executor } from "../connection";
import { messages, sessions, users } from "../schema";

const partner = alias(users, "partner");

export type ExportedMessage = {
  id: number;
  direction: "sent" | "received";
  partner: { id: number; username: string; name: string };
  content: string;
  messageType: string | null;
  timestamp: Date;
  isRead: boolean;
  readAt: Date | null;
};

/** Every message the member sent or received, oldest first, with the other member's public name. */
export async function messagesOfMember(memberId: number): Promise<ExportedMessage[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: messages.id,
      senderId: messages.senderId,
      partner: { id: partner.id, username: partner.username, name: partner.name },
      content: messages.content,
      messageType: messages.messageType,
      timestamp: messages.timestamp,
      isRead: messages.isRead,
      readAt: messages.readAt,
    })
    .from(messages)
    .innerJoin(
      partner,
      sql`${partner.id} = case when ${messages.senderId} = ${memberId} then ${messages.receiverId} else ${messages.senderId} end`,
    )
    .where(or(eq(messages.senderId, memberId), eq(messages.receiverId, memberId)))
    .orderBy(asc(messages.timestamp), asc(messages.id));
  return rows.map(({ senderId, ...row }) => ({ ...row, direction: senderId === memberId ? "sent" : "received" }));
}

/** True when the member has deleted their account (an unknown id is not "deleted"). */
export async function isDeletedMember(memberId: number, executor?: Executor): Promise<boolean> {
  const db = executor ?? (await getDb());
  const [row] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, memberId), isNotNull(users.deletedAt)));
  return Boolean(row);
}

/**
 * Anonymises a member who deletes their account, and ends all their sessions, in one transaction:
 * the row stays so that their partners' conversations keep a sender, but nothing of the person does.
 */
export async function anonymiseMember(memberId: number): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        name: "Deleted member",
        username: `deleted-${memberId}`,
        email: `deleted-${memberId}@deleted.invalid`,
        passwordHash: "!deleted", // no hash format: no password ever matches
        headline: "",
        bio: "",
        location: "",
        interests: [],
        deletedAt: sql`now()`,
      })
      .where(and(eq(users.id, memberId), isNull(users.deletedAt)));
    await tx.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.userId, memberId), isNull(sessions.revokedAt)));
  });
}
