import { describe, expect, it } from "vitest";
import { unreadMarkOf } from "@/components/unread-divider";
import { clockCookieValue, readerClock } from "@/lib/reader-clock";

const now = new Date("2024-03-05T10:00:00.000Z");

describe("readerClock", () => {
  it("reads the zone and locale the browser told, as written by the browser", () => {
    const cookie = clockCookieValue({ timeZone: "Asia/Kathmandu", locale: "en-GB" });
    expect(readerClock(cookie, now)).toEqual({ now: now.toISOString(), timeZone: "Asia/Kathmandu", locale: "en-GB" });
    expect(readerClock(decodeURIComponent(cookie), now).timeZone).toBe("Asia/Kathmandu");
  });

  it("reads the zone and locale past the browser's fingerprint of its check (lib/browser/reader-zone.ts)", () => {
    const cookie = clockCookieValue({ timeZone: "Asia/Kathmandu", locale: "en-GB" }, "-345,-345;en-GB,en");
    expect(decodeURIComponent(cookie)).toBe("Asia/Kathmandu|en-GB|-345,-345;en-GB,en");
    expect(readerClock(cookie, now)).toEqual({ now: now.toISOString(), timeZone: "Asia/Kathmandu", locale: "en-GB" });
  });

  it("falls back to UTC in en-US without a cookie or with one that is not a zone", () => {
    const utc = { now: now.toISOString(), timeZone: "UTC", locale: "en-US" };
    expect(readerClock(undefined, now)).toEqual(utc);
    expect(readerClock("Mars/Olympus|en-US", now)).toEqual(utc);
    expect(readerClock("Europe/Paris|not a locale!", now)).toEqual(utc);
    expect(readerClock("%E0%A4%A", now)).toEqual(utc);
    expect(readerClock(`${"x".repeat(500)}|en-US`, now)).toEqual(utc);
  });
});

describe("unreadMarkOf", () => {
  const m = (id: number, from: number, read: boolean) => ({ id, sender_id: from, is_read: read });
  it("marks the partner's first unread message and counts the unread from there", () => {
    const messages = [m(1, 2, true), m(2, 1, true), m(3, 2, false), m(4, 1, false), m(5, 2, false)];
    expect(unreadMarkOf(messages, 2, (x) => `#${x.id}`)).toEqual({ firstKey: "#3", count: 2 });
    expect(unreadMarkOf(messages.slice(0, 2), 2, (x) => `#${x.id}`)).toBeNull();
  });
});
