import { describe, expect, it, vi } from "vitest";
import { POST as signup } from "@/app/api/account/signup/route";
import { findUserByLogin } from "@/db/queries";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { PEER_HEADER } from "@/lib/auth/client-address";
import { checkSignInAllowed, clearSignInFailures } from "@/lib/auth/login-limit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { ApiError } from "@/lib/errors";
import { createMember, TEST_PASSWORD } from "../support/members";

const signupCall = (body: unknown, headers: Record<string, string> = {}) =>
  signup(
    new Request("http://localhost:3000/api/account/signup/", {
      method: "POST",
      headers: { host: "localhost:3000", "content-type": "application/json", cookie: "csrftoken=t0k", "x-csrftoken": "t0k", ...headers },
      body: JSON.stringify(body),
    }),
  );

describe("passwords", () => {
  it("are hashed with scrypt, salted, and verified", async () => {
    const hash = await hashPassword("s3cret-passphrase");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await hashPassword("s3cret-passphrase")).not.toBe(hash);
    expect(await verifyPassword("s3cret-passphrase", hash)).toEqual({ ok: true, needsRehash: false });
    expect(await verifyPassword("wrong", hash)).toEqual({ ok: false, reason: "mismatch" });
    expect(await verifyPassword("x", "bcrypt$2b$whatever")).toEqual({ ok: false, reason: "unknown-format" });
  });
});

describe("sign-up", () => {
  it("creates an account that can sign in by username or email, in any case", async () => {
    const res = await signupCall({ username: "New.Member", email: "New@Example.com", name: "New Member", password: "longenough" });
    expect(res.status).toBe(201);
    expect(await authorizeCredentials("new.member", "longenough")).toMatchObject({ username: "New.Member" });
    expect(await authorizeCredentials("NEW@example.COM", "longenough")).toMatchObject({ email: "new@example.com" });
    expect(await authorizeCredentials("new.member", "wrong-password")).toBeNull();
    expect(await authorizeCredentials("nobody-here", "longenough")).toBeNull();
  });

  it("reports each problem beside its field", async () => {
    const res = await signupCall({ username: "a b", email: "not-an-email", name: "", password: "short" });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.success).toBe(false);
    expect(Object.keys(body.field_errors).sort()).toEqual(["email", "name", "password", "username"]);
    expect(body.field_errors.password).toBe("Passwords are at least 8 characters.");
  });

  it("refuses a username or email already taken, whatever its case", async () => {
    const existing = await createMember({ username: "TakenName", email: "taken@example.com" });
    const sameName = await signupCall({ username: "takenname", email: "fresh@example.com", name: "X", password: "longenough" });
    expect((await sameName.json()).field_errors).toEqual({ username: "That username is taken. Try another." });
    expect((await findUserByLogin("takenname"))?.id).toBe(existing.id);
  });

  it("answers a registered email exactly like a new one, and creates nothing for it", async () => {
    await createMember({ username: "EmailOwner", email: "owner@example.com" });
    const taken = await signupCall({ username: "probe_one", email: "OWNER@example.com", name: "P", password: "longenough" });
    const fresh = await signupCall({ username: "probe_two", email: "nobody-yet@example.com", name: "P", password: "longenough" });
    expect(taken.status).toBe(fresh.status);
    expect(await taken.json()).toEqual(await fresh.json());
    expect(await findUserByLogin("probe_one")).toBeUndefined();
    expect((await findUserByLogin("owner@example.com"))?.username).toBe("EmailOwner");
    expect(await findUserByLogin("probe_two")).toBeDefined();
  });

  it("allows 50 accounts per address an hour, then answers 429 with a sentence", async () => {
    const address = { [PEER_HEADER]: "203.0.113.9" };
    for (let i = 0; i < 50; i++) {
      const res = await signupCall({ username: "x" }, address); // refused by validation, still counted
      expect(res.status).toBe(400);
    }
    const limited = await signupCall({ username: "late", email: "late@example.com", name: "Late", password: "longenough" }, address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error).toMatch(/^Too many accounts created from your network\. Wait \d+ minutes? and try again\.$/);
    // With no trusted proxy a forged X-Forwarded-For changes nothing.
    const forged = await signupCall({ username: "forged", email: "forged@example.com", name: "F", password: "longenough" }, { ...address, "x-forwarded-for": "198.51.100.1" });
    expect(forged.status).toBe(429);
    const elsewhere = await signupCall({ username: "elsewhere", email: "elsewhere@example.com", name: "E", password: "longenough" }, { [PEER_HEADER]: "203.0.113.10" });
    expect(elsewhere.status).toBe(201);
  });

  it("is protected by the CSRF check", async () => {
    const res = await signupCall({ username: "csrfless", email: "c@example.com", name: "C", password: "longenough" }, { "x-csrftoken": "nope" });
    expect(res.status).toBe(403);
  });
});

describe("sign-in limits", () => {
  const attempt = async (login: string, address: string) => {
    try {
      await checkSignInAllowed(login, address);
      return "allowed";
    } catch (error) {
      return (error as ApiError).status;
    }
  };

  it("allow 10 attempts per account in 15 minutes, then answer 429 with a sentence", async () => {
    const member = await createMember();
    for (let i = 0; i < 10; i++) expect(await attempt(member.username, `10.0.0.${i}`)).toBe("allowed");
    expect(await attempt(member.username.toUpperCase(), "10.0.1.1")).toBe(429);
    await expect(checkSignInAllowed(member.username, "10.0.1.2")).rejects.toThrow(/Too many sign-in attempts\. Wait \d+ minutes? and try again\./);
    // A successful sign-in clears the account's failures.
    await clearSignInFailures(member.username);
    expect(await attempt(member.username, "10.0.1.3")).toBe("allowed");
  });

  it("limit one address across accounts", async () => {
    for (let i = 0; i < 100; i++) await checkSignInAllowed(`someone${i}`, "198.51.100.7");
    expect(await attempt("someone-else", "198.51.100.7")).toBe(429);
    expect(await attempt("someone-else", "198.51.100.8")).toBe("allowed");
  });

  it("logs and refuses a stored hash of unknown format", async () => {
    const member = await createMember({ passwordHash: "!unusable" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await authorizeCredentials(member.username, TEST_PASSWORD)).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("unknown format"));
    warn.mockRestore();
  });
});
