import { describe, expect, it } from "vitest";
import { isSendKey } from "@/lib/browser/composer-input";

const key = (key: string, { shiftKey = false, isComposing = false } = {}) => ({ key, shiftKey, nativeEvent: { isComposing } });

describe("isSendKey", () => {
  it("with a keyboard (fine pointer), Enter sends and Shift+Enter does not", () => {
    expect(isSendKey(key("Enter"), false)).toBe(true);
    expect(isSendKey(key("Enter", { shiftKey: true }), false)).toBe(false);
  });

  it("under a finger (coarse pointer), Enter never sends: it makes a new line", () => {
    expect(isSendKey(key("Enter"), true)).toBe(false);
    expect(isSendKey(key("Enter", { shiftKey: true }), true)).toBe(false);
  });

  it("confirms an input method's word instead of sending", () => {
    expect(isSendKey(key("Enter", { isComposing: true }), false)).toBe(false);
  });

  it("other keys never send", () => {
    expect(isSendKey(key("a"), false)).toBe(false);
  });
});
