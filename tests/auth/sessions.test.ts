import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { POST as changePassword } from "@/app/api/account/password/route";
import { POST as signOutAll } from "@/app/api/account/sign-out-all/route";
import { GET as unreadCount } from "@/app/messaging/api/unread-count/route";
import { revokeSession } from "@/db/queries/sessions";
import type { User } from "@/db/schema";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { authOptions } from "@/lib/auth/options";
import { forgetSessions, sessionOfCookie } from "@/lib/auth/session";
import { call } from "../support/http";
import { createMember, sessionToken, TEST_PASSWORD } from "../support/members";

const CSRF = "test-csrf-token-0123456789";
const cookieOf = (token: string) => `next-auth.session-token=${token}; csrftoken=${CSRF}`;

/** A browser of its own: a new session of `member`, as a sign-in makes one. */
async function browserOf(member: User) {
  const { token, sessionId } = await sessionToken(member);
  return { token, sessionId, headers: { cookie: cookieOf(token), "x-csrftoken": CSRF } };
}

const unreadStatus = async (headers: Record<string, string>) =>
  (await call(unreadCount, "GET", "/messaging/api/unread-count/", { headers })).status;

describe("sessions", () => {
  it("end on sign-out: the saved cookie is refused at once, by APIs and pages", async () => {
    const member = await createMember();
    const browser = await browserOf(member);
    expect(await unreadStatus(browser.headers)).toBe(200);
    // What next-auth calls on POST /api/auth/signout with this cookie.
    await authOptions().events!.signOut!({ token: { sub: String(member.id), sid: browser.sessionId }, session: null as never });
    const res = await call(unreadCount, "GET", "/messaging/api/unread-count/", { headers: browser.headers });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe("You need to sign in to do that.");
    expect(await sessionOfCookie(browser.headers.cookie)).toBeUndefined(); // what pages use
  });

  it("revoked on another instance are refused here within about a second, and at once after forgetSessions", async () => {
    const member = await createMember();
    const browser = await browserOf(member);
    expect(await unreadStatus(browser.headers)).toBe(200);
    await revokeSession(browser.sessionId); // as another process would: nothing tells this one
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await unreadStatus(browser.headers)).toBe(401);

    const other = await browserOf(member);
    expect(await unreadStatus(other.headers)).toBe(200);
    await revokeSession(other.sessionId);
    forgetSessions(undefined, other.sessionId); // what the live-delivery bus does on a revocation event
    expect(await unreadStatus(other.headers)).toBe(401);
  });

  it("from before sessions had ids, or naming another member's session, are refused", async () => {
    const member = await createMember();
    const secret = process.env.NEXTAUTH_SECRET!;
    const old = await encode({ token: { sub: String(member.id) }, secret });
    expect(await unreadStatus({ cookie: cookieOf(old) })).toBe(401);
    const someoneElse = await browserOf(await createMember());
    const borrowed = await encode({ token: { sub: String(member.id), sid: someoneElse.sessionId }, secret });
    expect(await unreadStatus({ cookie: cookieOf(borrowed) })).toBe(401);
  });

  it("all end with “Sign out of all devices”, this one included, and the cookie is cleared", async () => {
    const member = await createMember();
    const [laptop, phone] = [await browserOf(member), await browserOf(member)];
    const res = await call(signOutAll, "POST", "/api/account/sign-out-all/", { headers: laptop.headers });
    expect(res.status).toBe(200);
    expect(res.json.ended_sessions).toBe(2);
    expect(res.headers.get("set-cookie")).toMatch(/^next-auth\.session-token=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
    expect(await unreadStatus(laptop.headers)).toBe(401);
    expect(await unreadStatus(phone.headers)).toBe(401);
    const outsider = await createMember();
    expect(await unreadStatus((await browserOf(outsider)).headers)).toBe(200); // nobody else's
  });

  it("“Sign out of all devices” needs a session and the CSRF token", async () => {
    const member = await createMember();
    const browser = await browserOf(member);
    expect((await call(signOutAll, "POST", "/", {})).status).toBe(401);
    expect((await call(signOutAll, "POST", "/", { headers: { cookie: browser.headers.cookie } })).status).toBe(403);
    expect(await unreadStatus(browser.headers)).toBe(200);
  });

  it("other than this one end on a password change", async () => {
    const member = await createMember();
    const [laptop, phone] = [await browserOf(member), await browserOf(member)];
    const wrong = await call(changePassword, "POST", "/api/account/password/", {
      headers: laptop.headers,
      body: { current_password: "not it", new_password: "a-new-password" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.field_errors).toEqual({ current_password: "Your current password is not right." });
    expect(await unreadStatus(phone.headers)).toBe(200);

    const short = await call(changePassword, "POST", "/", { headers: laptop.headers, body: { current_password: TEST_PASSWORD, new_password: "short" } });
    expect(short.status).toBe(400);
    expect(short.json.error).toBe("Passwords are at least 8 characters.");

    const res = await call(changePassword, "POST", "/api/account/password/", {
      headers: laptop.headers,
      body: { current_password: TEST_PASSWORD, new_password: "a-new-password" },
    });
    expect(res.status).toBe(200);
    expect(res.json.ended_sessions).toBe(1);
    expect(await unreadStatus(laptop.headers)).toBe(200);
    expect(await unreadStatus(phone.headers)).toBe(401);
    expect(await authorizeCredentials(member.username, "a-new-password")).toMatchObject({ id: String(member.id) });
    expect(await authorizeCredentials(member.username, TEST_PASSWORD)).toBeNull();
  });

  it("are refused by next-auth's own session endpoint once revoked", async () => {
    const member = await createMember();
    const browser = await browserOf(member);
    const jwt = authOptions().callbacks!.jwt!;
    const token = { sub: String(member.id), sid: browser.sessionId };
    await expect(jwt({ token, account: null } as never)).resolves.toMatchObject(token);
    await revokeSession(browser.sessionId);
    await expect(jwt({ token, account: null } as never)).rejects.toThrow("This session has ended.");
  });
});
