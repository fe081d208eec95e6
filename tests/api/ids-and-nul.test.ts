import { beforeAll, describe, expect, it } from "vitest";
import { POST as saveProfile } from "@/app/api/account/profile/route";
import { POST as signup } from "@/app/api/account/signup/route";
import { GET as conversations } from "@/app/messaging/api/conversations/route";
import { POST as markConversation } from "@/app/messaging/api/mark-conversation-read/[userId]/route";
import { POST as markRead } from "@/app/messaging/api/mark-read/[messageId]/route";
import { GET as messages } from "@/app/messaging/api/messages/[userId]/route";
import { GET as searchUsers } from "@/app/messaging/api/search-users/route";
import { POST as send } from "@/app/messaging/api/send/route";
import type { User } from "@/db/schema";
import { directoryPage } from "@/lib/community/directory";
import { parseDirectoryQuery } from "@/lib/community/directory-query";
import { parseId, usernameSegment } from "@/lib/http/params";
import { call } from "../support/http";
import { createMember } from "../support/members";

let alice: User, bob: User;

beforeAll(async () => {
  alice = await createMember();
  bob = await createMember({ name: "Bob Nulltest" });
});

const USER_RANGE = "must be a whole number from 1 to 2147483647.";
const MESSAGE_RANGE = "must be a whole number from 1 to 9007199254740991.";

describe("ids past their column's range (users: integer, messages: bigint)", () => {
  it.each(["2147483648", "99999999999", "9007199254740991", "99999999999999999999999"])(
    "GET /messaging/api/messages/%s/ is a 400 with a sentence",
    async (id) => {
      const res = await call(messages, "GET", `/messaging/api/messages/${id}/`, { as: alice, params: { userId: id } });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ success: false, error: `The user id ${USER_RANGE}` });
    },
  );

  it("POST /messaging/api/mark-conversation-read/2147483648/ is a 400", async () => {
    const res = await call(markConversation, "POST", "/messaging/api/mark-conversation-read/2147483648/", {
      as: alice,
      params: { userId: "2147483648" },
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe(`The user id ${USER_RANGE}`);
  });

  it("mark-read takes message ids up to 2^53 - 1 (a 404 when unknown) and refuses larger ones", async () => {
    const unknown = await call(markRead, "POST", "/messaging/api/mark-read/2147483648/", { as: alice, params: { messageId: "2147483648" } });
    expect(unknown.status).toBe(404);
    const max = await call(markRead, "POST", "/", { as: alice, params: { messageId: "9007199254740991" } });
    expect(max.status).toBe(404);
    for (const id of ["9007199254740992", "9223372036854775808", "0", "-1", "1.5", "1e3", "..", "%00"]) {
      const res = await call(markRead, "POST", "/", { as: alice, params: { messageId: id } });
      expect(res.status, id).toBe(400);
      expect(res.json.error).toBe(`The message id ${MESSAGE_RANGE}`);
    }
  });

  it.each([
    [9007199254740991, "receiver_id"],
    [2147483648, "receiver_id"],
    ["99999999999", "receiver_id"],
    [1e300, "receiver_id"],
    [-3, "receiver_id"],
    [2.5, "receiver_id"],
    ["bob", "receiver_id"],
    [[2], "receiver_id"],
    [null, "receiver_id"],
  ])("POST /messaging/api/send/ with receiver_id %j is a 400", async (receiver, field) => {
    const res = await call(send, "POST", "/messaging/api/send/", { as: alice, body: { receiver_id: receiver, content: "hi" } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ success: false, error: `${field} ${USER_RANGE}` });
  });

  it("recipient_id has the same range", async () => {
    const res = await call(send, "POST", "/", { as: alice, body: { recipient_id: 2147483648, content: "hi" } });
    expect(res.json.error).toBe(`recipient_id ${USER_RANGE}`);
  });

  it("cursors are message ids: up to 2^53 - 1 answers, past it is a 400", async () => {
    const path = (q: string) => `/messaging/api/messages/${bob.id}/${q}`;
    const ok = await call(messages, "GET", path("?before=9007199254740991"), { as: alice, params: { userId: String(bob.id) } });
    expect(ok.status).toBe(200);
    for (const q of ["?before=9007199254740992", "?after=99999999999999999999", "?after=0", "?before=1e3"]) {
      const res = await call(messages, "GET", path(q), { as: alice, params: { userId: String(bob.id) } });
      expect(res.status, q).toBe(400);
      expect(res.json.error).toMatch(new RegExp(`^(before|after) ${MESSAGE_RANGE.replace(/\./g, "\\.")}$`));
    }
    const inbox = await call(conversations, "GET", "/messaging/api/conversations/?before=9223372036854775808", { as: alice });
    expect(inbox.status).toBe(400);
    expect(inbox.json.error).toBe(`before ${MESSAGE_RANGE}`);
    const inboxOk = await call(conversations, "GET", "/messaging/api/conversations/?before=2147483648", { as: alice });
    expect(inboxOk.status).toBe(200);
  });

  it("the conversation page's id parsing gives up on anything a member's id cannot be", () => {
    expect(parseId("42", "user")).toBe(42);
    expect(parseId("2147483647", "user")).toBe(2147483647);
    for (const raw of ["99999999999", "2147483648", "0", "-1", "1.5", "abc", "", "١٢", "1 ", undefined]) {
      expect(parseId(raw, "user"), String(raw)).toBeNull();
    }
  });
});

describe("NUL characters", () => {
  it("a message containing NUL is refused with a sentence (JSON and form bodies)", async () => {
    const asJson = await call(send, "POST", "/", { as: alice, body: { receiver_id: bob.id, content: "a\u0000b" } });
    expect(asJson.status).toBe(400);
    expect(asJson.json).toEqual({ success: false, error: "Messages cannot contain the NUL character (U+0000)." });
    const asForm = await call(send, "POST", "/", {
      as: alice,
      rawBody: `receiver_id=${bob.id}&content=form%00x`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(asForm.status).toBe(400);
    expect(asForm.json.error).toBe("Messages cannot contain the NUL character (U+0000).");
  });

  it("a search for text with NUL matches nobody (no stored name can hold one)", async () => {
    for (const q of ["%00", "Bob%00", "%00Nulltest"]) {
      const res = await call(searchUsers, "GET", `/messaging/api/search-users/?q=${q}`, { as: alice });
      expect(res.status, q).toBe(200);
      expect(res.json.users).toEqual([]);
    }
    const found = await call(searchUsers, "GET", "/messaging/api/search-users/?q=Nulltest", { as: alice });
    expect((found.json.users as { id: number }[]).map((u) => u.id)).toEqual([bob.id]);
  });

  it("the directory's /community/?q=%00 and ?interest=%00 match nobody", async () => {
    for (const params of [{ q: "\u0000" }, { q: "Bob\u0000" }, { interest: "\u0000" }]) {
      const page = await directoryPage(alice.id, parseDirectoryQuery(params));
      expect(page).toMatchObject({ entries: [], total: 0, pageCount: 1 });
    }
  });

  it("profile fields with NUL are refused field by field (found by the fuzzer: a 500 before)", async () => {
    const NUL = "This cannot contain the NUL character (U+0000).";
    const res = await call(saveProfile, "POST", "/api/account/profile/", {
      as: alice,
      body: { name: "A\u0000", headline: "h\u0000", bio: "a\u0000b", location: "\u0000", interests: ["ok", "x\u0000"] },
    });
    expect(res.status).toBe(400);
    expect(res.json.field_errors).toEqual({ name: NUL, headline: NUL, bio: NUL, location: NUL, interests: NUL });
    const asText = await call(saveProfile, "POST", "/", { as: alice, body: { name: "Alice", interests: "a, b\u0000" } });
    expect(asText.json.field_errors).toEqual({ interests: NUL });
  });

  it("a sign-up name with NUL is refused with a sentence", async () => {
    const res = await call(signup, "POST", "/api/account/signup/", {
      body: { username: "nul_name", email: "nul_name@example.com", name: "Nul\u0000Name", password: "long enough" },
      headers: { cookie: "csrftoken=test-csrf-token-0123456789", "x-csrftoken": "test-csrf-token-0123456789" },
    });
    expect(res.status).toBe(400);
    expect(res.json.field_errors).toEqual({ name: "Names cannot contain the NUL character (U+0000)." });
  });

  it("/community/<username>/ with NUL or a malformed escape names no member (the page's 404)", () => {
    expect(usernameSegment("alice")).toBe("alice");
    expect(usernameSegment("al%69ce")).toBe("alice");
    expect(usernameSegment("%00")).toBeNull();
    expect(usernameSegment("\u0000")).toBeNull();
    expect(usernameSegment("%E0%A4%A")).toBeNull();
    expect(usernameSegment("x".repeat(151))).toBeNull();
  });
});
