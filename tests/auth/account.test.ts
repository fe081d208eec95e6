import { describe, expect, it } from "vitest";
import { POST as deleteAccount } from "@/app/api/account/delete/route";
import { GET as exportData } from "@/app/api/account/export/route";
import { GET as conversations } from "@/app/messaging/api/conversations/route";
import { GET as messagesWith } from "@/app/messaging/api/messages/[userId]/route";
import { GET as searchUsers } from "@/app/messaging/api/search-users/route";
import { POST as send } from "@/app/messaging/api/send/route";
import { GET as unreadCount } from "@/app/messaging/api/unread-count/route";
import { findMemberByUsername, listMembers } from "@/db/queries/community";
import { storeMessage } from "../support/messages";
import type { User } from "@/db/schema";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { call } from "../support/http";
import { createMember, sessionToken, TEST_PASSWORD } from "../support/members";

const CSRF = "test-csrf-token-0123456789";
async function browserOf(member: User) {
  const { token } = await sessionToken(member);
  return { cookie: `next-auth.session-token=${token}; csrftoken=${CSRF}`, "x-csrftoken": CSRF };
}
const say = (from: User, to: User, content: string) => storeMessage({ senderId: from.id, receiverId: to.id, content, messageType: null });

describe("downloading one's data", () => {
  it("gives every message sent and received, as an attachment, and nothing of other members' conversations", async () => {
    const [me, friend, stranger] = [await createMember({ bio: "my bio" }), await createMember(), await createMember()];
    await say(me, friend, "from me");
    await say(friend, me, "to me");
    await say(friend, stranger, "not mine");
    const req = new Request("http://localhost:3000/api/account/export/", { headers: await browserOf(me) });
    const res = await exportData(req);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="community-messages-${me.id}-\\d{4}-\\d\\d-\\d\\d\\.json"$`));
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const data = await res.json();
    expect(data.account).toMatchObject({ id: me.id, username: me.username, email: me.email, bio: "my bio" });
    expect(data.account).not.toHaveProperty("passwordHash");
    expect(JSON.stringify(data)).not.toContain("scrypt$");
    expect(data.messages.map((m: { direction: string; content: string }) => [m.direction, m.content])).toEqual([
      ["sent", "from me"],
      ["received", "to me"],
    ]);
    expect(data.messages[0].partner).toEqual({ id: friend.id, username: friend.username, name: friend.name });
    expect(JSON.stringify(data)).not.toContain("not mine");
    expect(JSON.stringify(data)).not.toContain(friend.email);
  });

  it("needs a session", async () => {
    const res = await exportData(new Request("http://localhost:3000/api/account/export/"));
    expect(res.status).toBe(401);
  });
});

describe("deleting one's account", () => {
  it("is refused with a wrong password, a missing one, or without the CSRF token", async () => {
    const member = await createMember();
    const headers = await browserOf(member);
    const wrong = await call(deleteAccount, "POST", "/api/account/delete/", { headers, body: { password: "wrong" } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.field_errors).toEqual({ password: "That password is not right; your account was not deleted." });
    const missing = await call(deleteAccount, "POST", "/api/account/delete/", { headers, body: {} });
    expect(missing.status).toBe(400);
    const noCsrf = await call(deleteAccount, "POST", "/api/account/delete/", { headers: { cookie: headers.cookie }, body: { password: TEST_PASSWORD } });
    expect(noCsrf.status).toBe(403);
    expect(await authorizeCredentials(member.username, TEST_PASSWORD)).not.toBeNull();
  });

  it("anonymises the member: sessions end, sign-in fails, they leave the directory and search, partners keep the history", async () => {
    const [leaver, partner] = [await createMember({ name: "Leaving Person", bio: "about me" }), await createMember()];
    await say(leaver, partner, "hello before I go");
    await say(partner, leaver, "hi!");
    const laptop = await browserOf(leaver);
    const phone = await browserOf(leaver);
    const res = await call(deleteAccount, "POST", "/api/account/delete/", { headers: laptop, body: { password: TEST_PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/Max-Age=0/);

    for (const headers of [laptop, phone]) {
      expect((await call(unreadCount, "GET", "/messaging/api/unread-count/", { headers })).status).toBe(401);
    }
    expect(await authorizeCredentials(leaver.username, TEST_PASSWORD)).toBeNull();
    expect(await authorizeCredentials(leaver.email, TEST_PASSWORD)).toBeNull();

    expect(await findMemberByUsername(leaver.username)).toBeUndefined();
    expect(await findMemberByUsername(`deleted-${leaver.id}`)).toBeUndefined();
    const { members } = await listMembers({ query: "Leaving" });
    expect(members).toEqual([]);
    expect((await listMembers({ query: "deleted" })).members.map((m) => m.id)).not.toContain(leaver.id);
    for (const q of ["Leaving", "Deleted", leaver.username]) {
      const found = await call(searchUsers, "GET", `/messaging/api/search-users/?q=${encodeURIComponent(q)}`, { as: partner });
      expect((found.json.users as { id: number }[]).map((u) => u.id)).not.toContain(leaver.id);
    }

    const inbox = await call(conversations, "GET", "/messaging/api/conversations/", { as: partner });
    const row = (inbox.json.conversations as { user: { id: number; name: string }; last_message: { content: string } }[])[0]!;
    expect(row.user).toMatchObject({ id: leaver.id, name: "Deleted member" });
    expect(row.last_message.content).toBe("hi!");
    const history = await call(messagesWith, "GET", `/messaging/api/messages/${leaver.id}/`, { as: partner, params: { userId: String(leaver.id) } });
    expect(history.status).toBe(200);
    expect(history.json.other_user).toMatchObject({ name: "Deleted member" });
    expect(JSON.stringify(history.json)).not.toContain("Leaving Person");

    const sent = await call(send, "POST", "/messaging/api/send/", { as: partner, body: { receiver_id: leaver.id, content: "are you there?" } });
    expect(sent.status).toBe(410);
    expect(sent.json).toEqual({ success: false, error: "This member has deleted their account." });
  });
});
