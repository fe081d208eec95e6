import { describe, expect, it } from "vitest";
import { newIncoming, titleWithCount, type SeenMessages } from "@/lib/browser/new-messages";
import type { ConversationJson } from "@/lib/messaging/wire";

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
