import { pbkdf2Sync } from "node:crypto";
import { sql } from "drizzle-orm";
import type { LegacyMessage, SqlRunner } from "@/db/legacy/source";
import type { QuarantineReason } from "@/db/legacy/resolve";

/** The old Django app's tables, as its migrations created them. */
const DDL = [
  `create table auth_user (
     id integer primary key, password varchar(128) not null, last_login timestamptz, is_superuser boolean not null default false,
     username varchar(150) not null unique, first_name varchar(150) not null, last_name varchar(150) not null,
     email varchar(254) not null, is_staff boolean not null default false, is_active boolean not null, date_joined timestamptz not null)`,
  `create table messaging_conversation (id integer primary key, created_date timestamptz not null, updated_date timestamptz not null)`,
  `create table messaging_conversation_participants (
     id integer primary key, conversation_id integer not null references messaging_conversation (id),
     user_id integer not null references auth_user (id), unique (conversation_id, user_id))`,
  `create table messaging_message (
     id integer primary key, conversation_id integer references messaging_conversation (id),
     sender_id integer not null references auth_user (id), recipient_id integer references auth_user (id),
     content text not null, created_date timestamptz not null, is_read boolean not null, message_type varchar(30))`,
];

/** Django's pbkdf2_sha256 hash (cheap iteration count: the format is what matters here). */
export function djangoHash(password: string, salt: string, iterations = 1000): string {
  const key = pbkdf2Sync(password, salt, iterations, 32, "sha256").toString("base64");
  return `pbkdf2_sha256$${iterations}$${salt}$${key}`;
}

export type OldMember = { id: number; username: string; email: string; password: string; hash: string; active: boolean };
export type OldMessage = LegacyMessage & {
  /** What the import must make of it, decided while generating. */
  expected: { receiverId: number; timestamp: Date; messageType: string | null } | { quarantine: QuarantineReason };
};
export type OldData = {
  members: OldMember[];
  conversations: { id: number; created_date: string; updated_date: string }[];
  participants: { id: number; conversation_id: number; user_id: number }[];
  messages: OldMessage[];
  unknownTypes: Record<string, number>;
};

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// raw type in the old app → what the app stores
const TYPES: [string | null, string | null][] = [
  [null, null], [null, null], [null, null], ["general", "general"], ["coffee_chat", "coffee_chat"],
  ["mentorship", "mentorship"], ["networking", "networking"], ["collaboration", "collaboration"],
  ["Coffee_Chat", "coffee_chat"], ["", null],
];
const UNKNOWN_TYPES = ["introduction", "job_offer"];

const CONTENTS = [
  (id: number) => `Hello from message ${id}`,
  (id: number) => `Line one of ${id}\nline two <b>not bold</b> & "quoted"`,
  (id: number) => `Café ☕ ${id} — ça va? 👋`,
];
// Longer than today's 5,000-character limit: kept whole all the same.
const longContent = (id: number) => `${id} `.repeat(1500);

/** An old-layout community: members, two-party and group conversations, messages with and without recipient. */
export function generateOldData({ seed = 42, members = 60, conversations = 200, messages = 5000 } = {}): OldData {
  const rand = random(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: T[]) => xs[int(xs.length)]!;
  const data: OldData = { members: [], conversations: [], participants: [], messages: [], unknownTypes: {} };

  let id = 3;
  for (let i = 0; i < members; i++, id += 1 + int(3)) {
    const password = `old password ${id}`;
    const salt = `salt${id}x${int(1e6)}`;
    let hash = djangoHash(password, salt);
    if (i % 25 === 7) hash = `!${salt}unusablepasswordfromdjango`;
    if (i % 25 === 11) hash = `bcrypt_sha256$$2b$12$${salt}abcdefghijklmnopqrstuv`;
    const username = i % 5 === 0 ? `Member${id}` : `member.${id}`;
    const email = i % 20 === 3 ? "" : `Member.${id}@Example.ORG`;
    data.members.push({ id, username, email, password, hash, active: i % 30 !== 13 });
  }
  const memberIds = data.members.map((m) => m.id);

  const kinds: ("pair" | "group" | "solo" | "empty")[] = [];
  for (let i = 0; i < conversations; i++) kinds.push(i % 40 === 5 ? "group" : i % 100 === 17 ? "solo" : i % 100 === 71 ? "empty" : "pair");
  const byKind = { pair: [] as number[][], group: [] as number[][], solo: [] as number[][], empty: [] as number[][] };
  const conversationOf = new Map<number[], number>();
  let participantId = 501;
  let conversationId = 1001;
  for (const kind of kinds) {
    const size = { pair: 2, group: 3 + int(2), solo: 1, empty: 0 }[kind];
    const chosen = new Set<number>();
    while (chosen.size < size) chosen.add(pick(memberIds));
    const people = [...chosen];
    const day = new Date(Date.UTC(2019, 0, 1) + int(365) * 86_400_000).toISOString();
    data.conversations.push({ id: conversationId, created_date: day, updated_date: day });
    for (const user of people) data.participants.push({ id: participantId++, conversation_id: conversationId, user_id: user });
    byKind[kind].push(people);
    conversationOf.set(people, conversationId);
    conversationId += 1 + int(2);
  }

  let clock = Date.UTC(2020, 0, 1);
  let messageId = 10_001;
  for (let i = 0; i < messages; i++, messageId += 1 + int(2)) {
    clock += 1000 * (1 + int(600));
    // A few arrive out of id order, as clocks and imports of the old app made them.
    const ms = i % 50 === 9 ? clock - 3_600_000 * (1 + int(24)) : clock;
    let micros = int(1000);
    if (micros === 500) micros = 499; // keep clear of the rounding midpoint
    const created = new Date(ms).toISOString().replace("Z", `${String(micros).padStart(3, "0")}Z`);
    const timestamp = new Date(ms + (micros > 500 ? 1 : 0)); // timestamp(3) rounds to the millisecond
    let [rawType, type] = pick(TYPES);
    if (int(20) === 0) {
      rawType = pick(UNKNOWN_TYPES);
      type = "general";
    }
    const base = { id: messageId, content: i % 100 === 50 ? longContent(messageId) : pick(CONTENTS)(messageId), created_date: created, is_read: rand() < 0.5, message_type: rawType };
    const deliver = (receiver: number) => ({ receiverId: receiver, timestamp, messageType: type });
    const r = rand();
    let m: Omit<OldMessage, keyof typeof base>;
    if (r < 0.84) {
      const pair = pick(byKind.pair);
      const conv = conversationOf.get(pair)!;
      const [a, b] = rand() < 0.5 ? pair : [pair[1]!, pair[0]!];
      if (int(100) === 0) {
        const outsider = pick(memberIds.filter((x) => !pair.includes(x)));
        m = rand() < 0.5
          ? { conversation_id: conv, sender_id: outsider, recipient_id: null, expected: { quarantine: "sender_not_participant" } }
          : { conversation_id: conv, sender_id: outsider, recipient_id: a!, expected: deliver(a!) };
      } else {
        const recipient = rand() < 0.32 ? null : b!;
        m = { conversation_id: conv, sender_id: a!, recipient_id: recipient, expected: deliver(b!) };
      }
    } else if (r < 0.88) {
      const group = pick(byKind.group);
      const [a, b] = [group[0]!, group[1]!];
      m = rand() < 0.5
        ? { conversation_id: conversationOf.get(group)!, sender_id: a, recipient_id: null, expected: { quarantine: "group_conversation" } }
        : { conversation_id: conversationOf.get(group)!, sender_id: a, recipient_id: b, expected: deliver(b) };
    } else if (r < 0.89) {
      const solo = pick(byKind.solo);
      m = { conversation_id: conversationOf.get(solo)!, sender_id: solo[0]!, recipient_id: null, expected: { quarantine: "no_partner" } };
    } else if (r < 0.895) {
      const empty = pick(byKind.empty);
      m = { conversation_id: conversationOf.get(empty)!, sender_id: pick(memberIds), recipient_id: null, expected: { quarantine: "sender_not_participant" } };
    } else {
      const a = pick(memberIds);
      const b = pick(memberIds.filter((x) => x !== a));
      const roll = rand();
      m = roll < 0.8
        ? { conversation_id: null, sender_id: a, recipient_id: b, expected: deliver(b) }
        : roll < 0.9
          ? { conversation_id: null, sender_id: a, recipient_id: null, expected: { quarantine: "no_conversation" } }
          : { conversation_id: null, sender_id: a, recipient_id: a, expected: { quarantine: "self_message" } };
    }
    if ("receiverId" in m.expected && rawType && UNKNOWN_TYPES.includes(rawType)) {
      data.unknownTypes[rawType] = (data.unknownTypes[rawType] ?? 0) + 1;
    }
    data.messages.push({ ...base, ...m });
  }
  return data;
}

const bulk = (rows: unknown[]) => sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)`;

/** Creates the old tables in `db` and fills them with `data`, a thousand rows a statement. */
export async function writeOldData(db: SqlRunner, data: OldData): Promise<void> {
  for (const statement of DDL) await db.execute(sql.raw(statement));
  await db.execute(sql`
    insert into auth_user (id, password, username, first_name, last_name, email, is_active, date_joined)
    select id, hash, username, 'First' || id, 'Last', email, active, '2018-06-01T10:00:00.123456Z'
    from ${bulk(data.members)} as t(id int, hash text, username text, email text, active boolean)`);
  await db.execute(sql`
    insert into messaging_conversation select * from ${bulk(data.conversations)}
    as t(id int, created_date timestamptz, updated_date timestamptz)`);
  await db.execute(sql`
    insert into messaging_conversation_participants select * from ${bulk(data.participants)}
    as t(id int, conversation_id int, user_id int)`);
  for (let i = 0; i < data.messages.length; i += 1000) {
    await db.execute(sql`
      insert into messaging_message (id, conversation_id, sender_id, recipient_id, content, created_date, is_read, message_type)
      select * from ${bulk(data.messages.slice(i, i + 1000))} as t(
        id int, conversation_id int, sender_id int, recipient_id int, content text, created_date timestamptz,
        is_read boolean, message_type text)`);
  }
}
