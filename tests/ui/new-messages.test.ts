import { describe, expect, it } from "vitest";
import { newIncoming, previewOf, shouldAnnounce, titleWithCount, type AlertContext, type SeenMessages } from "@/lib/browser/new-messages";
import type { ConversationJson, MessageJson } from "@/lib/messaging/wire";

const ME = 1;
const row = (partner: number, lastId: number, from: number, unread: number): ConversationJson => ({
  user: { id: partner, username: `m${partner}`, name: `Member ${partner}`, headline: "" },
  last_message: {
    id: lastId,
    content: `message ${lastId}`,
    sender_id: from,
    receiver_id: from === ME ? partner : ME,
    timestamp: "2024-03-05T10:00:00.000Z",
    is_read: false,
    read_at: null,
    message_type: "general",
    client_id: null,
  },
  unread_count: unread,
});

describe("newIncoming", () => {
  it("announces nothing on the first look, then only messages that arrived since, from the partner, unread", () => {
    const seen: SeenMessages = new Map();
    expect(newIncoming([row(2, 10, 2, 1), row(3, 11, 3, 2)], seen, ME)).toEqual([]);
    expect(newIncoming([row(2, 10, 2, 1), row(3, 11, 3, 2)], seen, ME)).toEqual([]);
    const fresh = newIncoming([row(3, 12, 3, 3), row(2, 10, 2, 1)], seen, ME);
    expect(fresh.map((r) => r.user.id)).toEqual([3]);
  });

  it("ignores our own sends, read conversations and a new partner's first row only before the first look", () => {
    const seen: SeenMessages = new Map([[2, 10]]);
    expect(newIncoming([row(2, 13, ME, 0)], seen, ME)).toEqual([]);
    expect(newIncoming([row(2, 14, 2, 0)], seen, ME)).toEqual([]);
    expect(newIncoming([row(4, 15, 4, 1)], seen, ME).map((r) => r.user.id)).toEqual([4]);
  });
});

describe("titleWithCount", () => {
  it("puts the count in front, replaces an old count and drops it at zero", () => {
    expect(titleWithCount("Messages · Community Messages", 3)).toBe("(3) Messages · Community Messages");
    expect(titleWithCount("(3) Messages", 5)).toBe("(5) Messages");
    expect(titleWithCount("(5) Messages", 0)).toBe("Messages");
    expect(titleWithCount("Messages", 120)).toBe("(99+) Messages");
    expect(titleWithCount("(99+) Messages", 2)).toBe("(2) Messages");
  });
});

describe("shouldAnnounce", () => {
  const message = (id: number, from: number, to = ME, isRead = false): MessageJson => ({
    ...row(from, id, from, 1).last_message,
    sender_id: from,
    receiver_id: to,
    is_read: isRead,
  });
  const context = (overrides: Partial<AlertContext> = {}): AlertContext => ({
    me: ME,
    openPartner: null,
    hidden: false,
    isMuted: () => false,
    announced: new Set(),
    ...overrides,
  });

  it("announces an unread message to us once, whichever way it arrives again", () => {
    const shared = context();
    expect(shouldAnnounce(message(20, 2), shared)).toBe(true);
    expect(shouldAnnounce(message(20, 2), shared)).toBe(false);
    expect(shouldAnnounce(message(21, 2), shared)).toBe(true);
  });

  it("never announces our own sends, messages between others or ones already read", () => {
    expect(shouldAnnounce(message(30, ME, 2), context())).toBe(false);
    expect(shouldAnnounce(message(31, 2, 3), context())).toBe(false);
    expect(shouldAnnounce(message(32, 2, ME, true), context())).toBe(false);
  });

  it("stays silent for a muted partner, and for the open conversation unless the tab is hidden", () => {
    expect(shouldAnnounce(message(40, 2), context({ isMuted: (id) => id === 2 }))).toBe(false);
    expect(shouldAnnounce(message(41, 3), context({ isMuted: (id) => id === 2 }))).toBe(true);
    expect(shouldAnnounce(message(42, 2), context({ openPartner: 2 }))).toBe(false);
    expect(shouldAnnounce(message(43, 2), context({ openPartner: 2, hidden: true }))).toBe(true);
    expect(shouldAnnounce(message(44, 3), context({ openPartner: 2 }))).toBe(true);
  });
});

describe("previewOf", () => {
  it("makes one line of at most 140 characters", () => {
    expect(previewOf("  Lunch\n\n at   one? ")).toBe("Lunch at one?");
    expect(previewOf("x".repeat(200))).toHaveLength(140);
  });
});
