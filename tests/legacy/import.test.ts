import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as messagesRoute } from "@/app/messaging/api/messages/[userId]/route";
import { getDb, type Database } from "@/db/connection";
import { importLegacy, type ImportReport } from "@/db/legacy/import";
import { formatReport, reconciles } from "@/db/legacy/report";
import { QUARANTINE_REASONS } from "@/db/legacy/resolve";
import { computeSummariesFromMessages } from "@/db/queries/summaries";
import { rowsOf } from "@/db/queries/sql";
import { authorizeCredentials } from "@/lib/auth/credentials";
import type { MessageJson } from "@/lib/messaging/wire";
import { call } from "../support/http";
import { createMember } from "../support/members";
import { generateOldData, writeOldData, type OldData, type OldMessage } from "./generator";
import { snapshot } from "./snapshot";

let db: Database;
let data: OldData;
let report: ImportReport;

const delivered = () => data.messages.filter((m) => "receiverId" in m.expected);
const quarantined = () => data.messages.filter((m) => "quarantine" in m.expected);
const receiverOf = (m: OldMessage) => ("receiverId" in m.expected ? m.expected.receiverId : NaN);

beforeAll(async () => {
  db = await getDb();
  data = generateOldData();
  // The old tables live in the app's own database here: LEGACY_DATABASE_URL unset.
  await writeOldData(db, data);
  report = await importLegacy({ source: db, target: db });
});

describe("a clean import", () => {
  it("generated what the issue asks for", () => {
    expect(data.members.length).toBeGreaterThanOrEqual(50);
    expect(data.conversations.length).toBeGreaterThanOrEqual(200);
    expect(data.messages.length).toBeGreaterThanOrEqual(5000);
    const noRecipient = data.messages.filter((m) => m.recipient_id === null).length / data.messages.length;
    expect(noRecipient).toBeGreaterThan(0.25);
    expect(noRecipient).toBeLessThan(0.35);
  });

  it("reconciles: every old message is delivered or quarantined, and the report says so", async () => {
    expect(report.messages.total).toBe(data.messages.length);
    expect(report.messages.delivered).toEqual({ total: delivered().length, added: delivered().length });
    expect(report.messages.quarantined.total).toBe(quarantined().length);
    expect(reconciles(report)).toBe(true);
    expect(formatReport(report).join("\n")).toContain("nothing lost");
    const [counts] = rowsOf<{ messages: number; quarantined: number; members: number; conversations: number }>(
      await db.execute(sql`select
        (select count(*)::int from messages) as messages,
        (select count(*)::int from legacy_message_quarantine) as quarantined,
        (select count(*)::int from users) as members,
        (select count(*)::int from legacy_conversations) as conversations`),
    );
    expect(counts).toEqual({
      messages: delivered().length,
      quarantined: quarantined().length,
      members: data.members.length,
      conversations: data.conversations.length,
    });
    expect(report.members).toMatchObject({ total: data.members.length, added: data.members.length, alreadyImported: 0 });
  });

  it("counts unknown message types, stored as general", () => {
    expect(report.messages.unknownTypes).toEqual(data.unknownTypes);
    expect(Object.keys(data.unknownTypes).length).toBeGreaterThan(0);
  });

  it("quarantines exactly the unresolvable messages, unchanged, with their reason", async () => {
    const rows = rowsOf<{ id: number; reason: string; content: string; created_date: string; recipient_id: number | null; message_type: string | null; is_read: boolean }>(
      await db.execute(sql`select id, reason, content, to_json(created_date)#>>'{}' as created_date, recipient_id, message_type, is_read
                           from legacy_message_quarantine order by id`),
    );
    const expected = quarantined().map((m) => ({
      id: m.id,
      reason: "quarantine" in m.expected ? QUARANTINE_REASONS[m.expected.quarantine] : "",
      content: m.content,
      created_date: m.created_date,
      recipient_id: m.recipient_id,
      message_type: m.message_type,
      is_read: m.is_read,
    }));
    const normalise = (r: (typeof rows)[number]) => ({ ...r, created_date: new Date(r.created_date).toISOString().slice(0, 19) });
    expect(rows.map(normalise)).toEqual(expected.map(normalise));
    // Microseconds survive in quarantine (compare the full fraction).
    expect(rows.map((r) => r.created_date.match(/\.(\d+)/)?.[1]?.padEnd(6, "0"))).toEqual(
      expected.map((r) => r.created_date.match(/\.(\d+)/)?.[1]),
    );
    for (const reason of ["group_conversation", "no_conversation", "self_message", "sender_not_participant", "no_partner"] as const) {
      expect(report.messages.quarantined.byReason[reason], reason).toBeGreaterThan(0);
    }
  });

  it("shows every two-party message through the messages API to exactly its pair, in order, with read state", async () => {
    const pairs = new Map<string, OldMessage[]>();
    for (const m of delivered()) {
      const [a, b] = [m.sender_id, receiverOf(m)].sort((x, y) => x - y);
      const key = `${a}:${b}`;
      if (!pairs.has(key)) pairs.set(key, []);
      pairs.get(key)!.push(m);
    }
    expect(pairs.size).toBeGreaterThan(150);
    let seen = 0;
    for (const [key, expected] of pairs) {
      const [a, b] = key.split(":").map(Number) as [number, number];
      // Alternate which side asks, so both directions are exercised.
      const [me, partner] = seen % 2 ? [b, a] : [a, b];
      const got: MessageJson[] = [];
      let before: number | undefined;
      for (;;) {
        const query = `?limit=100${before ? `&before=${before}` : ""}`;
        const res = await call(messagesRoute, "GET", `/messaging/api/messages/${partner}/${query}`, {
          as: { id: me },
          params: { userId: String(partner) },
        });
        expect(res.status).toBe(200);
        const page = res.json.messages as MessageJson[];
        got.unshift(...page);
        if (!res.json.has_more) break;
        before = page[0]!.id;
      }
      const want = expected
        .map((m) => ({
          id: m.id,
          content: m.content,
          sender_id: m.sender_id,
          receiver_id: receiverOf(m),
          timestamp: "receiverId" in m.expected ? m.expected.timestamp.toISOString() : "",
          is_read: m.is_read,
          read_at: null,
          message_type: "receiverId" in m.expected ? m.expected.messageType : null,
          client_id: null,
        }))
        .sort((x, y) => x.timestamp.localeCompare(y.timestamp) || x.id - y.id);
      expect(got, `pair ${key}`).toEqual(want);
      seen += got.length;
    }
    expect(seen).toBe(delivered().length);
  }, 120_000);

  it("keeps each pair's inbox summary equal to one computed from the messages", async () => {
    const stored = rowsOf<{ owner_id: number; partner_id: number; last_message_id: number; unread_count: number }>(
      await db.execute(sql`select owner_id, partner_id, last_message_id::int, unread_count from conversation_summaries`),
    );
    const key = (r: { owner_id: number; partner_id: number }) => `${r.owner_id}:${r.partner_id}`;
    const computed = (await computeSummariesFromMessages(db)).map(({ owner_id, partner_id, last_message_id, unread_count }) =>
      ({ owner_id, partner_id, last_message_id, unread_count }));
    expect(stored.length).toBeGreaterThan(300);
    expect(new Map(stored.map((r) => [key(r), r]))).toEqual(new Map(computed.map((r) => [key(r), r])));
  });

  it("moves the id sequences past the imported ids", async () => {
    const member = await createMember();
    expect(member.id).toBeGreaterThan(Math.max(...data.members.map((m) => m.id)));
    const [row] = rowsOf<{ id: number }>(
      await db.execute(sql`insert into messages (sender_id, receiver_id, content) values (${member.id}, ${data.members[0]!.id}, 'new') returning id::int`),
    );
    expect(row!.id).toBeGreaterThan(Math.max(...data.messages.map((m) => m.id)));
    await db.execute(sql`delete from messages where id = ${row!.id}`);
    await db.execute(sql`delete from users where id = ${member.id}`);
  });

  it("lets an old member sign in with the old password, upgrading the hash", async () => {
    const old = data.members.find((m) => m.active && m.hash.startsWith("pbkdf2_sha256$"))!;
    expect(await authorizeCredentials(old.username.toUpperCase(), "not the password")).toBeNull();
    const signedIn = await authorizeCredentials(old.username, old.password);
    expect(signedIn).toMatchObject({ id: String(old.id), username: old.username, name: `First${old.id} Last` });
    const [row] = rowsOf<{ password_hash: string; email: string }>(
      await db.execute(sql`select password_hash, email from users where id = ${old.id}`),
    );
    expect(row!.password_hash).toMatch(/^scrypt\$/);
    expect(row!.email).toBe(old.email.toLowerCase());
    expect(await authorizeCredentials(old.email, old.password)).toMatchObject({ id: String(old.id) });
  });
});

describe("a second import", () => {
  it("changes nothing and reports everything as already here", async () => {
    const before = await snapshot(db);
    const again = await importLegacy({ source: db, target: db, batchSize: 700 });
    expect(await snapshot(db)).toEqual(before);
    expect(again.members).toMatchObject({ added: 0, alreadyImported: data.members.length });
    expect(again.conversations.added).toBe(0);
    expect(again.participants.added).toBe(0);
    expect(again.messages.delivered).toEqual({ total: delivered().length, added: 0 });
    expect(again.messages.quarantined).toMatchObject({ total: quarantined().length, added: 0 });
    expect(reconciles(again)).toBe(true);
  });
});
