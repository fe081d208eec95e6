import fc from "fast-check";
import { IN_PROCESS_ROUTES, METHODS, type FuzzRoute, type Method } from "./routes";

/** An id as the fuzzer means it: resolved against the live members and messages when the case runs. */
export type IdToken = { member: number } | { self: true } | { message: number } | { raw: string };

export type BodyPlan =
  | { kind: "none" }
  | { kind: "json"; value: unknown }
  | { kind: "send"; receiver: IdToken; content: string; messageType: string | null; clientId: string | null }
  | { kind: "form"; pairs: [string, string | IdToken][] }
  | { kind: "text"; text: string }
  | { kind: "bytes"; bytes: Uint8Array }
  | { kind: "huge" }
  | { kind: "nested" };

export type CasePlan = {
  /** A well-behaved signed-in page (valid CSRF, same origin, no odd headers), so that the handlers' inner logic runs. */
  clean: boolean;
  route: FuzzRoute;
  method: Method;
  /** The dynamic segment(s), as Next would hand them to the handler (already decoded). */
  segment: IdToken | string[] | undefined;
  query: [string, string | IdToken][];
  /** Who is asking: a member by index, or a kind of bad cookie. */
  auth: { member: number } | { cookie: string };
  csrf: "valid" | "missing" | "wrong" | { token: string };
  origin: "same" | "missing" | "null" | { url: string };
  contentType: string | null;
  extraHeaders: [string, string][];
  body: BodyPlan;
};

const ODD_NUMBERS = [
  "0", "-1", "1.5", "1e3", "1E2", "+1", "00001", " 1", "1 ", "0x10", "NaN", "Infinity", "-0", "١٢", "１",
  "2147483647", "2147483648", "4294967296", "9007199254740991", "9007199254740992", "9223372036854775807",
  "9223372036854775808", "99999999999999999999999", "1".repeat(400),
];
const ODD_TEXT = ["", ".", "..", "%00", "\u0000", "a\u0000b", "%E0%A4%A", "%", "%zz", "null", "undefined", "[]", "{}", "<script>", "'; drop table users; --", "\u202eevil", "\ud800", "😀", "\u200b", " ", "\n"];

/** Text of every kind: ASCII, any code point (lone surrogates too), the odd values above. */
export const anyText = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
  { arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom("\u0000", "\ud800", "\udfff", "\u202e", "\ufeff"), fc.string({ maxLength: 10 })).map((p) => p.join("")), weight: 1 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }), weight: 2 },
  { arbitrary: fc.constantFrom(...ODD_TEXT, ...ODD_NUMBERS), weight: 3 },
);

export const idToken: fc.Arbitrary<IdToken> = fc.oneof(
  { arbitrary: fc.nat(5).map((member) => ({ member })), weight: 5 },
  { arbitrary: fc.constant({ self: true as const }), weight: 1 },
  { arbitrary: fc.nat(50).map((message) => ({ message })), weight: 4 },
  { arbitrary: fc.constantFrom(...ODD_NUMBERS).map((raw) => ({ raw })), weight: 3 },
  { arbitrary: fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((n) => ({ raw: String(n) })), weight: 1 },
  { arbitrary: anyText.map((raw) => ({ raw })), weight: 1 },
);

const QUERY_KEYS = ["limit", "before", "after", "q", "page", "interest", "next", "callbackUrl", "x"];
const queryPair: fc.Arbitrary<[string, string | IdToken]> = fc.tuple(
  fc.oneof({ arbitrary: fc.constantFrom(...QUERY_KEYS), weight: 5 }, { arbitrary: anyText, weight: 1 }),
  fc.oneof(idToken, anyText),
);

/** A JSON value of any shape, deep or flat. */
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(null, true, 0, -1, 1e308, 2 ** 53, [], {}, "", [[[[[]]]]]),
);

const FIELDS = [
  "receiver_id", "recipient_id", "content", "message_type", "client_id",
  "name", "headline", "bio", "location", "interests",
  "username", "email", "password", "password_confirmation", "csrfToken", "json",
];
const fieldValue = fc.oneof(anyText, anyJson, idToken.map((t) => ("raw" in t ? t.raw : 1)), fc.array(anyText, { maxLength: 12 }));

const messageType = fc.oneof(
  fc.constantFrom("general", "coffee_chat", "mentorship", "networking", "collaboration", null),
  anyText,
);

export const body: fc.Arbitrary<BodyPlan> = fc.oneof(
  { arbitrary: fc.constant({ kind: "none" as const }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant("send" as const),
      receiver: idToken,
      content: fc.oneof({ arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }), weight: 4 }, { arbitrary: anyText, weight: 1 }),
      messageType,
      clientId: fc.option(fc.oneof(fc.uuid(), fc.constantFrom("00000000-0000-4000-8000-000000000001", "not-a-uuid")), { nil: null }),
    }),
    weight: 8,
  },
  {
    arbitrary: fc
      .dictionary(fc.oneof({ arbitrary: fc.constantFrom(...FIELDS), weight: 4 }, { arbitrary: anyText, weight: 1 }), fieldValue, { maxKeys: 6 })
      .map((value) => ({ kind: "json" as const, value })),
    weight: 4,
  },
  { arbitrary: anyJson.map((value) => ({ kind: "json" as const, value })), weight: 1 },
  {
    arbitrary: fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...FIELDS), anyText), fc.oneof(anyText, idToken)), { maxLength: 6 })
      .map((pairs) => ({ kind: "form" as const, pairs })),
    weight: 2,
  },
  { arbitrary: anyText.map((text) => ({ kind: "text" as const, text })), weight: 1 },
  { arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ kind: "bytes" as const, bytes })), weight: 1 },
  { arbitrary: fc.constantFrom({ kind: "huge" as const }, { kind: "nested" as const }), weight: 1 },
);

const CONTENT_TYPES = [
  "application/json", "application/json; charset=utf-8", "application/x-www-form-urlencoded",
  "text/plain", "multipart/form-data; boundary=xyz", "application/xml", "application/json; charset=utf-16", "*/*", "",
];

/** Header values a real client could send: printable Latin-1, no control characters. */
export const headerText = fc.string({ unit: "binary-ascii", maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, ""));

const segment = (route: FuzzRoute): fc.Arbitrary<CasePlan["segment"]> => {
  switch (route.param?.holds) {
    case undefined:
      return fc.constant(undefined);
    case "segments":
      return fc.option(fc.array(fc.oneof(fc.constantFrom("nope", "send", "messages", "1", ".."), anyText), { minLength: 1, maxLength: 4 }), { nil: undefined });
    case "nextauth":
      return fc.array(fc.oneof(fc.constantFrom("signin", "signout", "callback", "credentials", "session", "csrf", "providers", "error", "_log"), anyText), {
        minLength: 1,
        maxLength: 3,
      });
    default:
      return idToken;
  }
};

/** A send a signed-in member's page would make: to another member, with a real type, sometimes a client_id. */
const wellFormedSend: fc.Arbitrary<BodyPlan> = fc.record({
  kind: fc.constant("send" as const),
  receiver: fc.nat(5).map((member) => ({ member })),
  content: fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 }),
  messageType: fc.constantFrom("general", "coffee_chat", "mentorship", "networking", "collaboration", null),
  clientId: fc.option(fc.uuid({ version: 4 }), { nil: null }),
});

/** A profile form's fields, with text of every kind. */
const profileForm: fc.Arbitrary<BodyPlan> = fc
  .record(
    {
      name: fc.oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }), anyText),
      headline: anyText,
      bio: anyText,
      location: anyText,
      interests: fc.oneof(anyText, fc.array(anyText, { maxLength: 12 })),
    },
    { requiredKeys: ["name"] },
  )
  .map((value) => ({ kind: "json" as const, value }));

/** A sign-up form: mostly plausible, with text of every kind in each field. */
const signupForm: fc.Arbitrary<BodyPlan> = fc
  .record({
    username: fc.oneof(fc.stringMatching(/^[a-z0-9_.-]{3,30}$/), anyText),
    email: fc.oneof(fc.emailAddress(), anyText),
    name: fc.oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }), anyText),
    password: fc.oneof(fc.string({ minLength: 8, maxLength: 40 }), anyText),
  })
  .map((value) => ({ kind: "json" as const, value }));

/** A mute switch as the conversation header sends it, for members that exist and some that do not. */
const muteSwitch: fc.Arbitrary<BodyPlan> = fc
  .record({ user_id: fc.oneof(fc.nat(60), fc.integer()), muted: fc.boolean() })
  .map((value) => ({ kind: "json" as const, value }));

const WELL_FORMED: Record<string, fc.Arbitrary<BodyPlan>> = {
  "/messaging/api/mutes/": muteSwitch,
  "/api/account/signup/": signupForm,
  "/messaging/api/send/": wellFormedSend,
  "/api/account/profile/": profileForm,
};

const bodyFor = (route: FuzzRoute) =>
  WELL_FORMED[route.path] ? fc.oneof({ arbitrary: WELL_FORMED[route.path]!, weight: 3 }, { arbitrary: body, weight: 2 }) : body;

/** One request: a route (by weight), a method (mostly one it serves), and everything a client controls. */
export const casePlan: fc.Arbitrary<CasePlan> = fc
  .oneof(...IN_PROCESS_ROUTES.map((route) => ({ arbitrary: fc.constant(route), weight: Math.round((route.weight ?? 1) * 20) })))
  .chain((route) =>
    fc.record({
      clean: fc.boolean(),
      route: fc.constant(route),
      method: fc.oneof({ arbitrary: fc.constantFrom(...route.serves), weight: 9 }, { arbitrary: fc.constantFrom(...METHODS), weight: 1 }),
      segment: segment(route),
      query: fc.array(queryPair, { maxLength: 4 }),
      auth: fc.oneof(
        { arbitrary: fc.nat(5).map((member) => ({ member })), weight: 7 },
        {
          arbitrary: fc
            .oneof(
              fc.constantFrom("", "next-auth.session-token=bogus", "next-auth.session-token=%E0%A4%A", "csrftoken=%FF", "=;;=", "a=b; next-auth.session-token="),
              headerText.map((junk) => `next-auth.session-token=${junk}`),
              headerText,
            )
            .map((cookie) => ({ cookie })),
          weight: 2,
        },
      ),
      csrf: fc.oneof(
        { arbitrary: fc.constant("valid" as const), weight: 7 },
        { arbitrary: fc.constantFrom("missing" as const, "wrong" as const), weight: 2 },
        { arbitrary: headerText.map((token) => ({ token })), weight: 1 },
      ),
      origin: fc.oneof(
        { arbitrary: fc.constant("same" as const), weight: 7 },
        { arbitrary: fc.constantFrom("missing" as const, "null" as const), weight: 1 },
        { arbitrary: fc.oneof(fc.constantFrom("https://evil.example", "http://localhost:3000.evil.example"), headerText).map((url) => ({ url })), weight: 1 },
      ),
      contentType: fc.option(fc.oneof(fc.constantFrom(...CONTENT_TYPES), headerText), { nil: null, freq: 4 }),
      extraHeaders: fc.array(
        fc.tuple(fc.constantFrom("x-forwarded-for", "x-forwarded-host", "referer", "accept", "content-length", "x-real-ip"), headerText),
        { maxLength: 2 },
      ),
      body: bodyFor(route),
    }),
  );
