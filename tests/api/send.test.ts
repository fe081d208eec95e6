import { beforeAll, describe, expect, it } from "vitest";
import { POST as send, GET as sendGet } from "@/app/messaging/api/send/route";
import { GET as messages } from "@/app/messaging/api/messages/[userId]/route";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/connection";
import { rowsOf } from "@/db/queries/sql";
import type { User } from "@/db/schema";
import { createMember } from "../support/members";
import { call } from "../support/http";

let alice: User, bob: User;
const PATH = "/messaging/api/send/";

beforeAll(async () => {
  alice = await createMember();
  bob = await createMember();
});

describe("POST /messaging/api/send/", () => {
  it("stores a trimmed message and answers with its JSON", async () => {
    const res = await call(send, "POST", PATH, {
      as: alice,
      body: { receiver_id: bob.id, content: "  Hello Bob!  ", message_type: "coffee_chat" },
    });
    expect(res.status).toBe(201);
    expect(res.json.success).toBe(true);
    const message = res.json.message as Record<string, unknown>;
    expect(message).toMatchObject({
      content: "Hello Bob!",
      sender_id: alice.id,
      receiver_id: bob.id,
      is_read: false,
      read_at: null,
      message_type: "coffee_chat",
    });
    expect(typeof message.id).toBe("number");
    expect(message.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("returns content with HTML in it verbatim", async () => {
    const html = `<img src=x onerror="alert(1)"><script>alert('x')</script> & "quotes"`;
    const res = await call(send, "POST", PATH, { as: alice, body: { receiver_id: bob.id, content: html } });
    expect((res.json.message as { content: string }).content).toBe(html);
    const page = await call(messages, "GET", `/messaging/api/messages/${alice.id}/`, {
      as: bob,
      params: { userId: String(alice.id) },
    });
    expect((page.json.messages as { content: string }[]).map((m) => m.content)).toContain(html);
  });

  it("accepts recipient_id as an alias and defaults the type to general", async () => {
    const res = await call(send, "POST", PATH, { as: bob, body: { recipient_id: alice.id, content: "alias" } });
    expect(res.status).toBe(201);
    expect(res.json.message).toMatchObject({ receiver_id: alice.id, message_type: "general" });
  });

  it("accepts every message type of the spec", async () => {
    for (const type of ["general", "coffee_chat", "mentorship", "networking", "collaboration"]) {
      const res = await call(send, "POST", PATH, { as: alice, body: { receiver_id: bob.id, content: type, message_type: type } });
      expect(res.status, type).toBe(201);
    }
  });

  it("accepts exactly 5,000 characters, counting emoji as one", async () => {
    const res = await call(send, "POST", PATH, { as: alice, body: { receiver_id: bob.id, content: "😀".repeat(5000) } });
    expect(res.status).toBe(201);
  });

  it.each([
    ["an empty message", { content: "" }, "A message cannot be empty."],
    ["a message of spaces", { content: "   \n\t " }, "A message cannot be empty."],
    ["a message of zero-width characters", { content: "\u200b\u200c\u200d\u2060\ufeff" }, "A message cannot be empty."],
    ["a message of bidi marks and blank look-alikes", { content: "\u200e\u202e\u2800\u3164" }, "A message cannot be empty."],
    ["5,001 characters", { content: "x".repeat(5001) }, "Messages are at most 5,000 characters."],
    ["no content", { content: undefined }, "Write a message to send (content is missing)."],
    ["content that is not text", { content: 42 }, "Write a message to send (content is missing)."],
    ["an unknown message type", { message_type: "party" }, "Unknown message type."],
    ["a receiver id that is not a number", { receiver_id: "bob" }, "receiver_id must be a whole number from 1 to 2147483647."],
    ["a negative receiver id", { receiver_id: -3 }, "receiver_id must be a whole number from 1 to 2147483647."],
    ["a client id that is not a UUID", { client_id: "abc" }, "client_id must be a UUID."],
  ])("refuses %s with a 400", async (_, patch, sentence) => {
    const body = { receiver_id: bob.id, content: "hi", ...patch };
    const res = await call(send, "POST", PATH, { as: alice, body });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ success: false, error: expect.stringContaining(sentence) });
  });

  it("refuses a missing receiver", async () => {
    const res = await call(send, "POST", PATH, { as: alice, body: { content: "to nobody" } });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe("Choose who to send the message to (receiver_id is missing).");
  });

  it("refuses messages to yourself", async () => {
    const res = await call(send, "POST", PATH, { as: alice, body: { receiver_id: alice.id, content: "me" } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ success: false, error: "You cannot message yourself." });
  });

  it("answers 404 for an unknown receiver", async () => {
    const res = await call(send, "POST", PATH, { as: alice, body: { receiver_id: 987654, content: "hi" } });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ success: false, error: "No member with that id." });
  });

  it.each([
    ["malformed JSON", "{not json", "The request body is not valid JSON."],
    ["an empty body", "", "The request body is empty; send a JSON object."],
    ["a JSON array", "[1,2]", "The request body must be a JSON object."],
    ["a JSON string", '"hello"', "The request body must be a JSON object."],
  ])("answers 400 for %s", async (_, rawBody, sentence) => {
    const res = await call(send, "POST", PATH, { as: alice, rawBody, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ success: false, error: sentence });
  });

  it("refuses bodies over 64 KB with a 413 before parsing them", async () => {
    const rawBody = JSON.stringify({ receiver_id: bob.id, content: "x".repeat(70_000) });
    const res = await call(send, "POST", PATH, { as: alice, rawBody, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(413);
    expect(res.json.error).toMatch(/too large/);
  });

  it("accepts a form-encoded body like the old app's forms", async () => {
    const rawBody = new URLSearchParams({ receiver_id: String(bob.id), content: "from a form" }).toString();
    const res = await call(send, "POST", PATH, {
      as: alice,
      rawBody,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(201);
    expect(res.json.message).toMatchObject({ content: "from a form", receiver_id: bob.id });
  });

  it("answers 401 in JSON when nobody is signed in", async () => {
    const res = await call(send, "POST", PATH, { body: { receiver_id: bob.id, content: "hi" } });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ success: false, error: "You need to sign in to do that." });
  });

  it("answers 401 for a session signed with another secret", async () => {
    const res = await call(send, "POST", PATH, {
      body: { receiver_id: bob.id, content: "hi" },
      headers: { cookie: "next-auth.session-token=forged.token.value; csrftoken=t", "x-csrftoken": "t" },
    });
    expect(res.status).toBe(401);
  });

  it.each([
    ["a missing CSRF token", { csrf: "missing" as const }, "CSRF token missing"],
    ["a wrong CSRF token", { csrf: "wrong" as const }, "CSRF token incorrect"],
    ["another site's Origin", { headers: { origin: "https://evil.example" } }, "Cross-site request refused"],
  ])("answers 403 for %s", async (_, options, sentence) => {
    const res = await call(send, "POST", PATH, { as: alice, body: { receiver_id: bob.id, content: "hi" }, ...options });
    expect(res.status).toBe(403);
    expect(res.json.success).toBe(false);
    expect(res.json.error).toContain(sentence);
  });

  it("answers 405 in JSON for other methods", async () => {
    const res = await call(sendGet, "GET", PATH, { as: alice });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect(res.json).toEqual({ success: false, error: "This endpoint only accepts POST." });
  });
});

describe("idempotent send", () => {
  it("returns the first message for a repeated client_id and stores one", async () => {
    const carol = await createMember();
    const client_id = crypto.randomUUID();
    const body = { receiver_id: carol.id, content: "exactly once", client_id };
    const first = await call(send, "POST", PATH, { as: alice, body });
    const retry = await call(send, "POST", PATH, { as: alice, body });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect((retry.json.message as { id: number }).id).toBe((first.json.message as { id: number }).id);
    const page = await call(messages, "GET", "/", { as: carol, params: { userId: String(alice.id) } });
    expect(page.json.messages).toHaveLength(1);
  });

  it("answers 409 when a client_id is reused for a different message, and stores nothing new", async () => {
    const erin = await createMember();
    const frank = await createMember();
    const client_id = crypto.randomUUID();
    const first = await call(send, "POST", PATH, { as: alice, body: { receiver_id: erin.id, content: "original", client_id } });
    expect(first.status).toBe(201);
    for (const patch of [{ content: "changed" }, { receiver_id: frank.id }, { message_type: "mentorship" }]) {
      const reused = await call(send, "POST", PATH, { as: alice, body: { receiver_id: erin.id, content: "original", client_id, ...patch } });
      expect(reused.status).toBe(409);
      expect(reused.json).toEqual({ success: false, error: expect.stringContaining("already used for a different message") });
    }
    const toFrank = await call(messages, "GET", "/", { as: frank, params: { userId: String(alice.id) } });
    expect(toFrank.json.messages).toHaveLength(0);
    const toErin = await call(messages, "GET", "/", { as: erin, params: { userId: String(alice.id) } });
    expect((toErin.json.messages as { content: string }[]).map((m) => m.content)).toEqual(["original"]);
  });

  it("lets another sender use the same client_id", async () => {
    const dave = await createMember();
    const client_id = crypto.randomUUID();
    const one = await call(send, "POST", PATH, { as: alice, body: { receiver_id: dave.id, content: "a", client_id } });
    const two = await call(send, "POST", PATH, { as: bob, body: { receiver_id: dave.id, content: "b", client_id } });
    expect(one.status).toBe(201);
    expect(two.status).toBe(201);
  });
});

describe("send limit", () => {
  it("answers 429 with Retry-After past 30 messages in 10 seconds, kept in the database", async () => {
    const sender = await createMember();
    const results = [];
    for (let i = 0; i < 31; i++) {
      results.push(await call(send, "POST", PATH, { as: sender, body: { receiver_id: bob.id, content: `burst ${i}` } }));
    }
    expect(results.slice(0, 30).every((r) => r.status === 201)).toBe(true);
    const limited = results[30]!;
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.json.error).toMatch(/^You're sending messages too quickly\. Wait \d+ seconds? and try again\.$/);
    // Other members are not affected.
    const other = await call(send, "POST", PATH, { as: alice, body: { receiver_id: bob.id, content: "still fine" } });
    expect(other.status).toBe(201);
  });

  it("counts concurrent sends exactly: 40 at once give 30 messages and 10 refusals", async () => {
    const sender = await createMember();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => call(send, "POST", PATH, { as: sender, body: { receiver_id: bob.id, content: `rush ${i}` } })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(30);
    expect(results.filter((r) => r.status === 429)).toHaveLength(10);
    const db = await getDb();
    const stored = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from messages where sender_id = ${sender.id}`));
    expect(stored[0]!.n).toBe(30);
    // A refusal leaves nothing behind, its hit included; its summaries and notification went with it.
    const counted = rowsOf<{ count: number }>(await db.execute(sql`select count from rate_limits where key = ${`send:${sender.id}`}`));
    expect(counted[0]!.count).toBe(30);
    const unread = rowsOf<{ unread_count: number }>(
      await db.execute(sql`select unread_count from conversation_summaries where owner_id = ${bob.id} and partner_id = ${sender.id}`),
    );
    expect(unread[0]!.unread_count).toBe(30);
  });

  it("does not count refused sends: a 409 and a send to a deleted member leave room for the thirtieth", async () => {
    const sender = await createMember();
    const gone = await createMember();
    await (await getDb()).execute(sql`update users set deleted_at = now() where id = ${gone.id}`);
    const client_id = crypto.randomUUID();
    for (let i = 0; i < 29; i++) {
      const body = i === 0 ? { receiver_id: bob.id, content: "first", client_id } : { receiver_id: bob.id, content: `n ${i}` };
      expect((await call(send, "POST", PATH, { as: sender, body })).status).toBe(201);
    }
    expect((await call(send, "POST", PATH, { as: sender, body: { receiver_id: bob.id, content: "other", client_id } })).status).toBe(409);
    expect((await call(send, "POST", PATH, { as: sender, body: { receiver_id: gone.id, content: "hello?" } })).status).toBe(410);
    expect((await call(send, "POST", PATH, { as: sender, body: { receiver_id: bob.id, content: "thirtieth" } })).status).toBe(201);
    expect((await call(send, "POST", PATH, { as: sender, body: { receiver_id: bob.id, content: "one too many" } })).status).toBe(429);
    expect((await call(send, "POST", PATH, { as: sender, body: { receiver_id: bob.id, content: "still too many" } })).status).toBe(429);
  });
});
