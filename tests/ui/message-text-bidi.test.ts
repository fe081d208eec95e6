import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MessageText } from "@/components/message-text";
import { linkify } from "@/lib/browser/linkify";

const RLO = "\u202e";
const render = (text: string) => renderToStaticMarkup(createElement(MessageText, { text }));

describe("bidi controls cannot disguise a link", () => {
  it("a bidi control ends an address: the link is only what precedes it", () => {
    for (const control of ["\u202a", "\u202b", "\u202c", "\u202d", RLO, "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"]) {
      const parts = linkify(`see https://evil.example/${control}moc.elgoog.www//:sptth`);
      expect(parts[1], JSON.stringify(control)).toEqual({ kind: "link", text: "https://evil.example/", href: "https://evil.example/" });
      expect(parts.map((p) => p.text).join("")).toBe(`see https://evil.example/${control}moc.elgoog.www//:sptth`);
    }
  });

  it("message text is isolated with dir=auto; link labels are left-to-right <bdi>s titled with the real address", () => {
    const html = render(`${RLO}pay here: https://evil.example/login ok`);
    expect(html).toMatch(/^<p dir="auto" /);
    expect(html).toContain(
      '<a href="https://evil.example/login" title="https://evil.example/login" target="_blank" rel="noopener noreferrer"',
    );
    expect(html).toContain('><bdi dir="ltr">https://evil.example/login</bdi></a>');
  });

  it("the title shows a look-alike host as the browser will resolve it (punycode)", () => {
    const html = render("https://gооgle.com/"); // Cyrillic о
    expect(html).toContain('title="https://xn--ggle-55da.com/"');
  });
});
