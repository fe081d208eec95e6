import { sql } from "drizzle-orm";
import { useDatabase } from "@/db/connection";
import {
  countUnread,
  getConversationsForUser,
  getMessagesBetweenUsers,
  markConversationRead,
  searchUsers,
} from "@/db/queries";
import { rowsOf } from "@/db/queries/sql";
import type { BenchDatabase } from "./database";
import { measure, type Timing } from "./stats";
import { findSubjects, type Subject } from "./subjects";

export type DataRow = Timing & {
  size: string;
  operation: string;
  member: string;
  detail: string;
};

/** Searches from common to rare: a frequent fragment, a surname, one member's username. */
async function searches(bench: BenchDatabase, subject: Subject) {
  const [row] = rowsOf<{ username: string }>(
    await bench.handle.db.execute(sql`select username from users where id = ${subject.pairPartnerId}`),
  );
  return [
    { detail: `"son" (a frequent fragment)`, query: "son" },
    { detail: `"lovelace" (a surname)`, query: "lovelace" },
    { detail: "one member's username", query: row!.username },
  ];
}

/** Lets the same conversation be marked read again: its messages become unread as before. */
async function unreadAgainner(bench: BenchDatabase, userId: number, partnerId: number) {
  const { db } = bench.handle;
  const ids = rowsOf<{ id: string }>(await db.execute(sql`
    select id from messages where receiver_id = ${userId} and sender_id = ${partnerId} and not is_read`)).map((r) => r.id);
  const restore = sql.join(ids.map((id) => sql`${id}::bigint`), sql`, `);
  return async () => {
    await db.execute(sql`update messages set is_read = false, read_at = null where id in (${restore})`);
    await db.execute(sql`update conversation_summaries set unread_count = ${ids.length}
                          where owner_id = ${userId} and partner_id = ${partnerId}`);
  };
}

async function memberOperations(bench: BenchDatabase, s: Subject, runs: number) {
  const pairDetail = `${s.pairMessages.toLocaleString()} messages in the pair`;
  const unreadAgain = await unreadAgainner(bench, s.userId, s.unreadPartnerId);
  const rows: [string, string, Timing][] = [
    ["inbox, top 50", `${s.partners.toLocaleString()} partners`,
      await measure(() => getConversationsForUser(s.userId, { limit: 50 }), { runs })],
    ["pair, newest 50", pairDetail,
      await measure(() => getMessagesBetweenUsers(s.userId, s.pairPartnerId, { limit: 50 }), { runs })],
    ["pair, older page (before=)", `${pairDetail}, from the middle`,
      await measure(() => getMessagesBetweenUsers(s.userId, s.pairPartnerId, { limit: 50, before: s.olderThanId }), { runs })],
    ["pair, poll (after=)", "4 new messages",
      await measure(() => getMessagesBetweenUsers(s.userId, s.pairPartnerId, { limit: 50, after: s.pollAfterId }), { runs })],
    ["unread count", "", await measure(() => countUnread(s.userId), { runs })],
    ["mark conversation read", "unread again between runs, untimed",
      await measure(() => markConversationRead(s.userId, s.unreadPartnerId), { runs, reset: unreadAgain })],
  ];
  await unreadAgain();
  return rows.map(([operation, detail, timing]) => ({ operation, member: s.kind, detail, ...timing }));
}

/** The data layer at one size: the app's own query functions, timed from the caller's side. */
export async function benchData(bench: BenchDatabase, runs: number): Promise<DataRow[]> {
  useDatabase(bench.handle);
  const subjects = await findSubjects(bench.handle.db, bench.dataset);
  const rows: Omit<DataRow, "size">[] = [];
  for (const subject of subjects) rows.push(...(await memberOperations(bench, subject, runs)));
  const typical = subjects[1]!;
  for (const search of await searches(bench, typical)) {
    const timing = await measure(() => searchUsers(search.query, typical.userId), { runs, budgetMs: 60_000 });
    rows.push({ operation: "search users", member: "any", detail: search.detail, ...timing });
  }
  return rows.map((row) => ({ size: bench.dataset.size, ...row }));
}
