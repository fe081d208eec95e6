import { describe, expect, it } from "vitest";
import { continuesRun, groupByDay } from "@/lib/browser/day-groups";
import { clockTime, dayLabel, inboxTime, type Clock } from "@/lib/browser/time-labels";

const clock: Clock = { now: new Date("2024-03-07T15:00:00Z"), timeZone: "UTC", locale: "en-US" };
const at = (iso: string) => new Date(iso);

describe("inboxTime", () => {
  it("reads like a chat app, from seconds to years", () => {
    expect(inboxTime(at("2024-03-07T14:59:30Z"), clock)).toBe("now");
    expect(inboxTime(at("2024-03-07T14:48:00Z"), clock)).toBe("12 min");
    expect(inboxTime(at("2024-03-07T09:05:00Z"), clock)).toBe("9:05 AM");
    expect(inboxTime(at("2024-03-06T23:59:00Z"), clock)).toBe("Yesterday");
    expect(inboxTime(at("2024-03-04T10:00:00Z"), clock)).toBe("Mon");
    expect(inboxTime(at("2024-02-01T10:00:00Z"), clock)).toBe("Feb 1");
    expect(inboxTime(at("2023-12-31T10:00:00Z"), clock)).toBe("Dec 31, 2023");
  });

  it("counts calendar days in the reader's time zone", () => {
    const tokyo: Clock = { ...clock, timeZone: "Asia/Tokyo" }; // now is 00:00 on March 8 there
    expect(inboxTime(at("2024-03-07T14:00:00Z"), tokyo)).toBe("Yesterday");
    expect(clockTime(at("2024-03-07T14:00:00Z"), tokyo)).toBe("11:00 PM");
  });
});

describe("dayLabel", () => {
  it("names recent days and dates older ones", () => {
    expect(dayLabel(at("2024-03-07T00:01:00Z"), clock)).toBe("Today");
    expect(dayLabel(at("2024-03-06T12:00:00Z"), clock)).toBe("Yesterday");
    expect(dayLabel(at("2024-03-02T12:00:00Z"), clock)).toBe("Saturday");
    expect(dayLabel(at("2024-02-29T12:00:00Z"), clock)).toBe("February 29");
    expect(dayLabel(at("2022-07-01T12:00:00Z"), clock)).toBe("July 1, 2022");
  });
});

describe("groupByDay", () => {
  const message = (timestamp: string, sender_id = 1) => ({ timestamp, sender_id });

  it("starts a group at each new calendar day, keeping order", () => {
    const groups = groupByDay(
      [message("2024-03-06T23:00:00Z"), message("2024-03-06T23:30:00Z"), message("2024-03-07T00:10:00Z")],
      "UTC",
    );
    expect(groups.map((g) => [g.day, g.messages.length])).toEqual([
      ["2024-03-06", 2],
      ["2024-03-07", 1],
    ]);
  });

  it("uses the reader's time zone for the day boundary", () => {
    const groups = groupByDay([message("2024-03-06T23:00:00Z"), message("2024-03-07T00:10:00Z")], "America/New_York");
    expect(groups).toHaveLength(1);
    expect(groupByDay([], "UTC")).toEqual([]);
  });

  it("joins a sender's messages within five minutes into one run", () => {
    expect(continuesRun(undefined, message("2024-03-07T10:00:00Z"))).toBe(false);
    expect(continuesRun(message("2024-03-07T10:00:00Z"), message("2024-03-07T10:04:00Z"))).toBe(true);
    expect(continuesRun(message("2024-03-07T10:00:00Z"), message("2024-03-07T10:06:00Z"))).toBe(false);
    expect(continuesRun(message("2024-03-07T10:00:00Z", 2), message("2024-03-07T10:01:00Z"))).toBe(false);
  });
});
