import { sql, type InferInsertModel, type InferSelectModel } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { MESSAGE_TYPE_VALUES } from "./message-types";

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: varchar("username", { length: 150 }).notNull(),
    email: varchar("email", { length: 254 }).notNull(),
    name: varchar("name", { length: 120 }).notNull().default(""),
    passwordHash: text("password_hash").notNull(),
    headline: varchar("headline", { length: 160 }).notNull().default(""),
    bio: text("bio").notNull().default(""),
    location: varchar("location", { length: 120 }).notNull().default(""),
    interests: text("interests").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Written every 30-60 s while the member has a live stream open; online = seen in the last 90 s.
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, precision: 3 }),
    // Set when the member deletes their account: the row stays, anonymised, for their partners' history.
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("users_username_lower_key").on(sql`lower(${t.username})`),
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    // Substring search on name and username (pg_trgm); no pending list for searches to scan (migration 0006).
    index("users_name_trgm_idx").using("gin", sql`lower(${t.name}) gin_trgm_ops`).with({ fastupdate: false }),
    index("users_username_trgm_idx").using("gin", sql`lower(${t.username}) gin_trgm_ops`).with({ fastupdate: false }),
    // Prefix matches, which search ranks first, as index range scans.
    index("users_name_prefix_idx").using("btree", sql`lower(${t.name}) text_pattern_ops`),
    index("users_username_prefix_idx").using("btree", sql`lower(${t.username}) text_pattern_ops`),
  ],
);

// Conversations of the old Django app, kept so that old data and old links still work.
export const legacyConversations = pgTable("legacy_conversations", {
  id: integer("id").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const legacyConversationParticipants = pgTable(
  "legacy_conversation_participants",
  {
    id: integer("id").primaryKey(),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => legacyConversations.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [index("legacy_participants_conversation_idx").on(t.conversationId, t.userId)],
);

export const messages = pgTable(
  "messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    senderId: integer("sender_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    receiverId: integer("receiver_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    content: text("content").notNull(),
    timestamp: timestamp("timestamp", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    isRead: boolean("is_read").notNull().default(false),
    readAt: timestamp("read_at", { withTimezone: true, precision: 3 }),
    messageType: varchar("message_type", { length: 30 }),
    conversationId: integer("conversation_id").references(() => legacyConversations.id, {
      onDelete: "set null",
    }),
    // Set by the client so that a retried send never creates a second message.
    idempotencyKey: uuid("client_id"),
  },
  (t) => [
    index("messages_pair_timestamp_idx").on(t.senderId, t.receiverId, t.timestamp.desc(), t.id.desc()),
    // A member's messages in id order (the live stream's catch-up), one index per side.
    index("messages_sender_id_idx").on(t.senderId, t.id),
    index("messages_receiver_id_idx").on(t.receiverId, t.id),
    // Only unread rows: marking a conversation read finds them without reading the pair's history.
    index("messages_unread_idx").on(t.receiverId, t.senderId).where(sql`not ${t.isRead}`),
    check("messages_not_to_self", sql`${t.senderId} <> ${t.receiverId}`),
    check(
      "messages_message_type_known",
      sql.raw(`message_type is null or message_type in (${MESSAGE_TYPE_VALUES.map((v) => `'${v}'`).join(", ")})`),
    ),
    uniqueIndex("messages_sender_client_id_key")
      .on(t.senderId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
  ],
);

// One row per member and partner: what the inbox shows, kept in step with every send and read.
export const conversationSummaries = pgTable(
  "conversation_summaries",
  {
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lastMessageId: bigint("last_message_id", { mode: "number" })
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true, precision: 3 }).notNull(),
    unreadCount: integer("unread_count").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.ownerId, t.partnerId] }),
    index("conversation_summaries_inbox_idx").on(t.ownerId, t.lastMessageAt.desc(), t.lastMessageId.desc()),
    // Deleting a member or a message cascades here: without these it scans every summary.
    index("conversation_summaries_partner_idx").on(t.partnerId),
    index("conversation_summaries_last_message_idx").on(t.lastMessageId),
  ],
);

// Fixed-window counters shared by every server process (send limit, sign-in attempts).
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});

// One row per signed-in browser: the session cookie names it (`sid`), and revoking it ends that session everywhere.
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    userAgent: varchar("user_agent", { length: 300 }).notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

// A member's muted conversations (no toast, sound or notification; not in the tab title's count), on every device.
export const conversationMutes = pgTable(
  "conversation_mutes",
  {
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mutedAt: timestamp("muted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.partnerId] }), index("conversation_mutes_partner_idx").on(t.partnerId)],
);

// Messages of the old app whose receiver could not be resolved: kept, never dropped.
export const legacyMessageQuarantine = pgTable("legacy_message_quarantine", {
  id: integer("id").primaryKey(),
  conversationId: integer("conversation_id"),
  senderId: integer("sender_id"),
  recipientId: integer("recipient_id"),
  content: text("content").notNull(),
  createdDate: timestamp("created_date", { withTimezone: true }),
  isRead: boolean("is_read").notNull().default(false),
  messageType: varchar("message_type", { length: 30 }),
  reason: text("reason").notNull(),
  quarantinedAt: timestamp("quarantined_at", { withTimezone: true }).notNull().defaultNow(),
});

export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export type User = InferSelectModel<typeof users>;
export type NewUser = InferInsertModel<typeof users>;
export type Message = InferSelectModel<typeof messages>;
export type NewMessage = InferInsertModel<typeof messages>;
export type Session = InferSelectModel<typeof sessions>;
export type ConversationSummary = InferSelectModel<typeof conversationSummaries>;
