import { describe, expect, it } from "vitest";
import { FIRST_SHOWN, firstShownIndex } from "@/lib/browser/use-shown-messages";

describe("firstShownIndex", () => {
  it("draws a short conversation whole", () => {
    expect(firstShownIndex(0, -1)).toBe(0);
    expect(firstShownIndex(FIRST_SHOWN, -1)).toBe(0);
  });

  it("draws only the newest of a long read conversation", () => {
    expect(firstShownIndex(160, -1)).toBe(160 - FIRST_SHOWN);
  });

  it("starts a little above the first unread message when it lies before the newest part", () => {
    expect(firstShownIndex(50, 6)).toBe(3);
    expect(firstShownIndex(50, 1)).toBe(0);
    // Unread only among the newest: the newest part already holds the divider.
    expect(firstShownIndex(50, 45)).toBe(50 - FIRST_SHOWN);
  });
});
