import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { checkSignInAllowed, signInAccountKey } from "@/lib/auth/login-limit";
import { PEER_HEADER } from "@/lib/auth/client-address";
import { forNextAuth } from "@/lib/auth/next-auth-request";
import { readAuthForm } from "@/lib/auth/sign-in-form";
import { createMember, TEST_PASSWORD } from "../support/members";

const CALLBACK = "http://localhost:3000/api/auth/callback/credentials";
const context = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };
const newAddress = () => `192.0.2.${randomBytes(1)[0]}-${randomBytes(3).toString("hex")}`;

function signInPost(body: string | Uint8Array<ArrayBuffer>, contentType: string, address = newAddress()) {
  return POST(
    new Request(CALLBACK, {
      method: "POST",
      headers: { host: "localhost:3000", "content-type": contentType, [PEER_HEADER]: address },
      body,
    }),
    context,
  );
}
const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();

async function lockOut(login: string) {
  for (let i = 0; i < 10; i++) await checkSignInAllowed(login, newAddress());
}

describe("the sign-in limiter counts the account the credentials resolve to", () => {
  it("refuses a form naming the username twice, so a decoy cannot be counted in its place", async () => {
    const member = await createMember();
    await lockOut(member.username);
    const res = await signInPost(form([["username", "decoy"], ["username", member.username], ["password", TEST_PASSWORD]]), "application/x-www-form-urlencoded");
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("The form has the field “username” more than once; send each field once.");
    const plain = await signInPost(form([["username", member.username], ["password", TEST_PASSWORD]]), "application/x-www-form-urlencoded");
    expect(plain.status).toBe(429);
    const body = await plain.json();
    expect(body.error).toMatch(/^Too many sign-in attempts\. Wait \d+ minutes? and try again\.$/);
    expect(body.url).toMatch(/\/login\/\?error=RateLimited$/);
  });

  it("reads a JSON body too", async () => {
    const member = await createMember();
    await lockOut(member.username);
    const res = await signInPost(JSON.stringify({ username: member.username, password: TEST_PASSWORD }), "application/json");
    expect(res.status).toBe(429);
  });

  it("counts username and email, in any case, as one account", async () => {
    const member = await createMember();
    for (let i = 0; i < 5; i++) await checkSignInAllowed(member.username.toUpperCase(), newAddress());
    for (let i = 0; i < 5; i++) await checkSignInAllowed(` ${member.email.toUpperCase()} `, newAddress());
    for (const login of [member.username, member.email]) {
      const res = await signInPost(form([["username", login], ["password", TEST_PASSWORD]]), "application/x-www-form-urlencoded");
      expect(res.status).toBe(429);
    }
    expect(await signInAccountKey(member.email)).toBe(`login:member:${member.id}`);
  });

  it("keys unknown logins on their folded text, hashed to a fixed size", async () => {
    const key = await signInAccountKey(" Nobody@Example.COM ");
    expect(key).toBe(await signInAccountKey("nobody@example.com"));
    expect(key).toMatch(/^login:unknown:[\w-]{43}$/);
    await lockOut("Nobody-Here");
    const res = await signInPost(form([["username", "NOBODY-HERE"], ["password", "x"]]), "application/x-www-form-urlencoded");
    expect(res.status).toBe(429);
  });

  it("hands next-auth exactly the fields it checked", async () => {
    const req = new Request(CALLBACK, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "99" },
      body: JSON.stringify({ username: "grace", password: "p&ss=word", csrfToken: "t", json: "true" }),
    });
    const fields = await readAuthForm(req);
    const rebuilt = forNextAuth(req, fields);
    expect(rebuilt.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(await rebuilt.text()))).toEqual({ username: "grace", password: "p&ss=word", csrfToken: "t", json: "true" });
  });
});

describe("bad sign-in input is refused with a sentence, never a 500", () => {
  it("a 3,000-character username", async () => {
    const res = await signInPost(form([["username", "u".repeat(3000)], ["password", "x"]]), "application/x-www-form-urlencoded");
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("That username or email is too long.");
  });

  it("a NUL in the username (PostgreSQL cannot compare with one)", async () => {
    for (const [body, type] of [
      [form([["username", "a\u0000b"], ["password", "x"]]), "application/x-www-form-urlencoded"],
      [JSON.stringify({ username: "a\u0000b", password: "x" }), "application/json"],
    ] as const) {
      const res = await signInPost(body, type);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toBe("The sign-in form cannot contain the NUL character.");
    }
  });

  it("an 8 MiB body", async () => {
    const res = await signInPost(new Uint8Array(8 * 1024 * 1024).fill(97), "application/x-www-form-urlencoded");
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe("The request body is too large (64 KB at most).");
  });

  it("a body declared as JSON that is not JSON, or not an object of text", async () => {
    for (const body of ["username=a&password=b", "[1,2]", '{"username":["a","b"]}']) {
      const res = await signInPost(body, "application/json");
      expect(res.status, body).toBe(400);
      expect((await res.json()).error).toMatch(/^The (request body|field “username”) (is not valid JSON|must be a JSON object|must be text)\.$/);
    }
  });

  it("a body of another type", async () => {
    const res = await signInPost("username=a", "text/plain");
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("Send the form as application/x-www-form-urlencoded or JSON.");
  });

  it("GET of the credentials callback", async () => {
    const res = await GET(new Request(CALLBACK), context);
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect((await res.json()).error).toMatch(/POST/);
  });
});
