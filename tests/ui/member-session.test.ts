import { describe, expect, it } from "vitest";
import { isMemberKey } from "@/lib/browser/member-session";

describe("isMemberKey", () => {
  it("takes the member's drafts and mutes", () => {
    expect(isMemberKey(5, "draft:5:7")).toBe(true);
    expect(isMemberKey(5, "alerts:muted:5")).toBe(true);
  });

  it("leaves other members' keys, drafts written to this member, and browser-wide settings", () => {
    expect(isMemberKey(5, "draft:15:7")).toBe(false);
    expect(isMemberKey(5, "draft:7:5")).toBe(false);
    expect(isMemberKey(5, "alerts:muted:55")).toBe(false);
    expect(isMemberKey(5, "alerts:sound")).toBe(false);
    expect(isMemberKey(5, "alerts:notifications")).toBe(false);
  });
});
