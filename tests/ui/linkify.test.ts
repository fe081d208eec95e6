import { describe, expect, it } from "vitest";
import { linkify } from "@/lib/browser/linkify";

const joined = (text: string) => linkify(text).map((p) => p.text).join("");

describe("linkify", () => {
  it("leaves text without addresses alone", () => {
    expect(linkify("Hello there")).toEqual([{ kind: "text", text: "Hello there" }]);
    expect(linkify("")).toEqual([]);
  });

  it("finds http, https and www addresses among text", () => {
    expect(linkify("See https://example.com/a?b=1#c and www.example.org now")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://example.com/a?b=1#c", href: "https://example.com/a?b=1#c" },
      { kind: "text", text: " and " },
      { kind: "link", text: "www.example.org", href: "https://www.example.org/" },
      { kind: "text", text: " now" },
    ]);
  });

  it("keeps sentence punctuation and closing brackets outside the link", () => {
    expect(linkify("Look: http://x.io/path.")[1]).toEqual({ kind: "link", text: "http://x.io/path", href: "http://x.io/path" });
    expect(linkify("(see https://x.io/a)")[1]).toMatchObject({ text: "https://x.io/a" });
    expect(linkify("https://en.wikipedia.org/wiki/Foo_(bar)!")[0]).toMatchObject({
      text: "https://en.wikipedia.org/wiki/Foo_(bar)",
    });
  });

  it("never links other schemes or markup", () => {
    expect(linkify("javascript:alert(1)")).toEqual([{ kind: "text", text: "javascript:alert(1)" }]);
    expect(linkify('<a href="https://x.io">x</a>').filter((p) => p.kind === "link").map((p) => p.text)).toEqual([
      "https://x.io",
    ]);
  });

  it("loses no characters", () => {
    for (const text of ["a https://x.io, b www.y.com.", "www. alone", "http:// nothing", "two https://a.io https://b.io"]) {
      expect(joined(text)).toBe(text);
    }
  });
});
