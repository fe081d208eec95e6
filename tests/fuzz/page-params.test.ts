import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linkify } from "@/lib/browser/linkify";
import { directoryHref, parseDirectoryQuery } from "@/lib/community/directory-query";
import { MAX_MESSAGE_ID, MAX_USER_ID, parseId, usernameSegment } from "@/lib/http/params";
import { hasMalformedEscape } from "@/lib/http/malformed-address";
import { conversationsQuerySchema, messagesQuerySchema, searchQuerySchema, sendMessageSchema } from "@/lib/messaging/schemas";
import { FUZZ_CASES, FUZZ_SEED } from "./harness";

// Pages (server components) cannot be called here: their parameter parsing is fuzzed instead.
const options = { seed: FUZZ_SEED, numRuns: FUZZ_CASES };
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.array(fc.constantFrom("%", "%E0", "%A4", "%0", "%00", "%FF", "%2e", "1", "0", "9", "\u0000", "."), { maxLength: 12 }).map((p) => p.join("")),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
);
const searchParams = fc.dictionary(
  fc.constantFrom("q", "interest", "page", "limit", "before", "after", "x"),
  fc.oneof(text, fc.array(text, { maxLength: 3 }), fc.constant(undefined)),
);
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe(`page parameter parsing, ${FUZZ_CASES} cases each (FUZZ_SEED=${FUZZ_SEED})`, () => {
  it("an id segment is a whole number within its column's range, or null", () => {
    fc.assert(
      fc.property(text, (raw) => {
        for (const [kind, max] of [["user", MAX_USER_ID], ["message", MAX_MESSAGE_ID]] as const) {
          const id = parseId(raw, kind);
          if (id !== null) expect(Number.isSafeInteger(id) && id >= 1 && id <= max && String(id) === raw.replace(/^0+/, "")).toBe(true);
        }
      }),
      options,
    );
  });

  it("a /community/<username>/ segment decodes to a storable username or null, never throwing", () => {
    fc.assert(
      fc.property(text, (raw) => {
        const username = usernameSegment(raw);
        if (username !== null) expect(username.includes("\u0000") || username.length > 150).toBe(false);
        if (hasMalformedEscape(raw)) expect(username).toBeNull();
      }),
      options,
    );
  });

  it("the directory's query always parses to a usable page and round-trips through its link", () => {
    fc.assert(
      fc.property(searchParams, (params) => {
        const query = parseDirectoryQuery(params);
        expect(Number.isInteger(query.page) && query.page >= 1 && query.page <= 10_000).toBe(true);
        const back = new URL(directoryHref(query), "http://x").searchParams;
        expect(parseDirectoryQuery(Object.fromEntries(back))).toEqual(query);
      }),
      options,
    );
  });

  it("the API's query and body schemas answer any input with data or issues, never an exception", () => {
    fc.assert(
      fc.property(searchParams, fc.jsonValue(), (params, body) => {
        for (const schema of [messagesQuerySchema, conversationsQuerySchema, searchQuerySchema]) schema.safeParse(params);
        const send = sendMessageSchema.safeParse(body);
        if (send.success) expect(send.data.receiverId).toBeLessThanOrEqual(MAX_USER_ID);
      }),
      options,
    );
  });

  it("linkify gives the text back, links only http(s), and no link label holds a bidi control", () => {
    const message = fc.array(fc.oneof(text, fc.constantFrom("https://a.example/", "www.b.example", "http://", "\u202e", "\u2066", " ", "(", ")")), { maxLength: 8 });
    fc.assert(
      fc.property(message, (pieces) => {
        const input = pieces.join("");
        const parts = linkify(input);
        expect(parts.map((p) => p.text).join("")).toBe(input);
        for (const part of parts) {
          if (part.kind !== "link") continue;
          expect(part.href).toMatch(/^https?:\/\//);
          expect(BIDI.test(part.text)).toBe(false);
        }
      }),
      options,
    );
  });
});
