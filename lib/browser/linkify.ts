/** A piece of message text: plain text, or a web address to show as a link. */
export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// Bidi controls (LRE…RLO, LRI…PDI, LRM/RLM/ALM) can make an address display as another one:
// they end an address, so a link's label is exactly its real address.
const CANDIDATE = /\b(?:https?:\/\/|www\.)[^\s<>"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gi;
const TRAILING = /[.,;:!?'"*_~]$/;

const count = (text: string, char: string) => text.split(char).length - 1;

/** Drops the punctuation that ends a sentence rather than the address ("see x.com/a." or "(x.com/a)"). */
function trimTrailing(candidate: string): string {
  let url = candidate;
  for (;;) {
    if (TRAILING.test(url)) url = url.slice(0, -1);
    else if (url.endsWith(")") && count(url, ")") > count(url, "(")) url = url.slice(0, -1);
    else if (url.endsWith("]") && count(url, "]") > count(url, "[")) url = url.slice(0, -1);
    else return url;
  }
}

/** Only http(s) addresses become links; anything else (javascript:, data:) stays text. */
function hrefOf(text: string): string | null {
  try {
    const url = new URL(/^www\./i.test(text) ? `https://${text}` : text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Splits message text into text and links, in order; joining the parts' text gives the input back. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let plain = "";
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const url = trimTrailing(match[0]);
    const href = url.length > "www.".length ? hrefOf(url) : null;
    if (!href) continue;
    plain += text.slice(last, match.index);
    if (plain) parts.push({ kind: "text", text: plain });
    plain = "";
    parts.push({ kind: "link", text: url, href });
    last = match.index + url.length;
  }
  plain += text.slice(last);
  if (plain) parts.push({ kind: "text", text: plain });
  return parts;
}
