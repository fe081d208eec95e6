import { storeMessage } from "../support/messages";
import { asc } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/connection";
import {
  computeSummariesFromMessages,
  markAsRead,
  markConversationRead,
  rebuildConversationSummaries,
} from "@/db/queries";
import { conversationSummaries, messages, type User } from "@/db/schema";
import { createMember } from "../support/members";

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
}

async function storedSummaries() {
  const db = await getDb();
  const rows = await db
    .select()
    .from(conversationSummaries)
    .orderBy(asc(conversationSummaries.ownerId), asc(conversationSummaries.partnerId));
  return rows.map((r) => ({
    owner_id: r.ownerId,
    partner_id: r.partnerId,
    last_message_id: r.lastMessageId,
    unread_count: r.unreadCount,
  }));
}

async function computedSummaries() {
  const rows = await computeSummariesFromMessages(await getDb());
  return rows
    .map(({ owner_id, partner_id, last_message_id, unread_count }) => ({ owner_id, partner_id, last_message_id, unread_count }))
    .sort((a, b) => a.owner_id - b.owner_id || a.partner_id - b.partner_id);
}

describe("conversation summaries", () => {
  it("equal a from-scratch computation after hundreds of random sends and reads, some concurrent", async () => {
    const next = random(20261128);
    const members: User[] = [];
    for (let i = 0; i < 6; i++) members.push(await createMember());
    const pick = () => members[Math.floor(next() * members.length)]!;
    const pair = () => {
      const a = pick();
      let b = pick();
      while (b.id === a.id) b = pick();
      return [a, b] as const;
    };
    const sent: { id: number; receiverId: number }[] = [];
    const operation = async () => {
      const roll = next();
      if (roll < 0.6 || sent.length === 0) {
        const [from, to] = pair();
        const { message } = await storeMessage({ senderId: from.id, receiverId: to.id, content: `r${roll}`, messageType: null });
        sent.push({ id: message.id, receiverId: message.receiverId });
      } else if (roll < 0.85) {
        const target = sent[Math.floor(next() * sent.length)]!;
        await markAsRead(target.id, target.receiverId);
      } else {
        const [reader, partner] = pair();
        await markConversationRead(reader.id, partner.id);
      }
    };
    for (let round = 0; round < 40; round++) {
      // Ten operations at once: on PostgreSQL they really interleave.
      await Promise.all(Array.from({ length: 10 }, operation));
    }
    const computed = await computedSummaries();
    expect(computed.length).toBeGreaterThan(10);
    expect(await storedSummaries()).toEqual(computed);
  });

  it("are rebuilt from messages by rebuildConversationSummaries", async () => {
    const db = await getDb();
    const [a, b] = [await createMember(), await createMember()];
    await db.insert(messages).values([
      { senderId: a.id, receiverId: b.id, content: "bulk loaded", timestamp: new Date("2020-01-01T00:00:00Z") },
      { senderId: b.id, receiverId: a.id, content: "reply", timestamp: new Date("2020-01-02T00:00:00Z"), isRead: true },
    ]);
    await rebuildConversationSummaries(db);
    expect(await storedSummaries()).toEqual(await computedSummaries());
  });
});
