import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, type Database } from "@/db/connection";
import { importLegacy, LegacyImportError, type ImportReport } from "@/db/legacy/import";
import { rowsOf } from "@/db/queries/sql";
import type { User } from "@/db/schema";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { verifyPassword } from "@/lib/auth/password";
import { createMember, TEST_PASSWORD } from "../support/members";
import { djangoHash, writeOldData, type OldMember } from "./generator";
import { snapshot } from "./snapshot";

let db: Database;
let appAlice: User;
let report: ImportReport;

const old = (id: number, username: string, email: string, extra: Partial<OldMember> = {}): OldMember => ({
  id,
  username,
  email,
  password: `old secret ${id}`,
  hash: djangoHash(`old secret ${id}`, `salt${id}`),
  active: true,
  ...extra,
});

// Usernames are unique case-sensitively in Django and emails not at all; here both are unique in any case.
const OLD_MEMBERS = [
  old(100, "ALICE", "Alice@Example.com"), // both taken by the app's alice
  old(101, "bob", "bob@old.example"),
  old(102, "Bob", "BOB@old.example"), // same as 101 but for case
  old(103, "carol", ""),
  old(104, "dave", "dave@old.example", { active: false }),
];

const userRow = async (id: number) =>
  rowsOf<{ username: string; email: string; name: string; password_hash: string }>(
    await db.execute(sql`select username, email, name, password_hash from users where id = ${id}`),
  )[0];

beforeAll(async () => {
  db = await getDb();
  appAlice = await createMember({ username: "alice", email: "alice@example.com" });
  await writeOldData(db, { members: OLD_MEMBERS, conversations: [], participants: [], messages: [], unknownTypes: {} });
  report = await importLegacy({ source: db, target: db });
});

describe("members whose username or email is already taken", () => {
  it("are imported under a stable new username or a placeholder email, never merged, and reported", async () => {
    expect(report.members.added).toBe(5);
    expect(report.members.renamed).toEqual([
      { id: 100, from: "ALICE", to: "ALICE-100" },
      { id: 102, from: "Bob", to: "Bob-102" },
    ]);
    expect(report.members.emailReplaced).toEqual([
      { id: 100, from: "Alice@Example.com", reason: "taken" },
      { id: 102, from: "BOB@old.example", reason: "taken" },
      { id: 103, from: "", reason: "empty" },
    ]);
    expect(await userRow(100)).toMatchObject({ username: "ALICE-100", email: "legacy-user-100@legacy.invalid", name: "First100 Last" });
    expect(await userRow(101)).toMatchObject({ username: "bob", email: "bob@old.example" });
    expect(await userRow(102)).toMatchObject({ username: "Bob-102", email: "legacy-user-102@legacy.invalid" });
    expect(await userRow(appAlice.id)).toMatchObject({ username: "alice", email: "alice@example.com" });
  });

  it("sign in under their new username; the old name still opens only the app's member", async () => {
    expect(await authorizeCredentials("alice", "old secret 100")).toBeNull();
    expect(await authorizeCredentials("alice", TEST_PASSWORD)).toMatchObject({ id: String(appAlice.id) });
    expect(await authorizeCredentials("alice-100", "old secret 100")).toMatchObject({ id: "100" });
    expect(await authorizeCredentials("Bob", "old secret 101")).toMatchObject({ id: "101" });
    expect(await authorizeCredentials("bob-102", "old secret 102")).toMatchObject({ id: "102" });
  });

  it("a second run changes nothing", async () => {
    const before = await snapshot(db);
    const again = await importLegacy({ source: db, target: db });
    expect(again.members).toMatchObject({ added: 0, alreadyImported: 5 });
    expect(await snapshot(db)).toEqual(before);
  });

  it("an old id held by another member stops the import before it writes anything", async () => {
    await db.execute(sql`insert into auth_user (id, password, username, first_name, last_name, email, is_active, date_joined)
      values (${appAlice.id}, '', 'zed', '', '', '', true, now()), (200, '', 'yan', '', '', '', true, now())`);
    const before = await snapshot(db);
    const run = importLegacy({ source: db, target: db });
    await expect(run).rejects.toBeInstanceOf(LegacyImportError);
    await expect(run).rejects.toThrow(`#${appAlice.id} (old "zed", here "alice")`);
    expect(await snapshot(db)).toEqual(before);
    await db.execute(sql`delete from auth_user where username in ('zed', 'yan')`);
  });
});

describe("old passwords", () => {
  afterEach(() => vi.restoreAllMocks());

  it("verifies a real Django hash (Django 5.0's own test vector)", async () => {
    const django = "pbkdf2_sha256$720000$seasalt$eDupbcisD1UuIiou3hMuMu8oe/XwnpDw45r6AA5iv0E=";
    expect(await verifyPassword("lètmein", django)).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword("lètmeinz", django)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("sign an imported member in, upgrade the hash to scrypt once, and still refuse a wrong password", async () => {
    expect((await userRow(103))!.password_hash).toMatch(/^pbkdf2_sha256\$/);
    expect(await authorizeCredentials("carol", "old secret 10")).toBeNull();
    expect((await userRow(103))!.password_hash).toMatch(/^pbkdf2_sha256\$/);
    expect(await authorizeCredentials("carol", "old secret 103")).toMatchObject({ id: "103", username: "carol" });
    const upgraded = (await userRow(103))!.password_hash;
    expect(upgraded).toMatch(/^scrypt\$/);
    expect(await authorizeCredentials("CAROL", "old secret 103")).toMatchObject({ id: "103" });
    expect((await userRow(103))!.password_hash).toBe(upgraded);
    expect(await authorizeCredentials("carol", "old secret 104")).toBeNull();
  });

  it("refuse a member who was inactive in the old app, with a log line", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect((await userRow(104))!.password_hash).toMatch(/^!inactive\$pbkdf2_sha256\$/);
    expect(await authorizeCredentials("dave", "old secret 104")).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("user 104"));
  });

  it.each([
    ["a Django unusable password", "!Wq3ZcUXV8PfKr6kYyMh2cKzjDfD8lqGf4bYTtJ0G"],
    ["a bare !", "!"],
    ["bcrypt", "bcrypt_sha256$$2b$12$9Mp4hQnKjCqJmD2aQo7dWeN4Zb0x3N1Hq1bYc5m8bq8lq4xY0a5kG"],
    ["argon2", "argon2$argon2id$v=19$m=102400,t=2,p=8$c29tZXNhbHQ$aGFzaGhhc2hoYXNo"],
    ["unsalted md5", "md5$$5f4dcc3b5aa765d61d8327deb882cf99"],
    ["an empty hash", ""],
    ["a pbkdf2 hash with nonsense iterations", "pbkdf2_sha256$many$salt$aGFzaA=="],
  ])("refuse %s cleanly, with a log line", async (_label, hash) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const member = await createMember({ passwordHash: hash });
    expect(await authorizeCredentials(member.username, "password")).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`user ${member.id}:`));
    expect((await userRow(member.id))!.password_hash).toBe(hash);
  });
});

describe("a quarantined message whose old data is fixed", () => {
  it("moves to the messages on the next run", async () => {
    await db.execute(sql`insert into messaging_message (id, conversation_id, sender_id, recipient_id, content, created_date, is_read, message_type)
      values (900, null, 101, null, 'to whom?', '2021-05-01T10:00:00.123456Z', false, null)`);
    const first = await importLegacy({ source: db, target: db });
    expect(first.messages.quarantined).toMatchObject({ total: 1, added: 1, byReason: { no_conversation: 1 } });
    await db.execute(sql`update messaging_message set recipient_id = 103 where id = 900`);
    const second = await importLegacy({ source: db, target: db });
    expect(second.messages.delivered).toEqual({ total: 1, added: 1 });
    const where = rowsOf<{ messages: number; quarantined: number; unread: number }>(
      await db.execute(sql`select
        (select count(*)::int from messages where id = 900 and receiver_id = 103) as messages,
        (select count(*)::int from legacy_message_quarantine where id = 900) as quarantined,
        (select unread_count from conversation_summaries where owner_id = 103 and partner_id = 101) as unread`),
    );
    expect(where[0]).toEqual({ messages: 1, quarantined: 0, unread: 1 });
  });
});
