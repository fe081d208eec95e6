import { beforeAll, describe, expect, it } from "vitest";
import { GET as threadRoute } from "@/app/messaging/thread/[conversationId]/route";
import { getDb } from "@/db/connection";
import { legacyConversationParticipants, legacyConversations, type User } from "@/db/schema";
import nextConfig from "@/next.config";
import { createMember, sessionCookie } from "../support/members";

let ann: User, ben: User, cat: User, outsider: User;

beforeAll(async () => {
  [ann, ben, cat, outsider] = await Promise.all([createMember(), createMember(), createMember(), createMember()]);
  const db = await getDb();
  await db.insert(legacyConversations).values([{ id: 7 }, { id: 8 }]);
  await db.insert(legacyConversationParticipants).values([
    { id: 1, conversationId: 7, userId: ann.id },
    { id: 2, conversationId: 7, userId: ben.id },
    { id: 3, conversationId: 8, userId: ann.id },
    { id: 4, conversationId: 8, userId: ben.id },
    { id: 5, conversationId: 8, userId: cat.id },
  ]);
});

async function openThread(path: string, as?: User) {
  const headers = new Headers(as ? { cookie: await sessionCookie(as) } : {});
  const conversationId = path.split("/")[3]!;
  return threadRoute(new Request(`http://localhost:3000${path}`, { headers }), { params: Promise.resolve({ conversationId }) });
}

describe("old thread links /messaging/thread/<conversation_id>/", () => {
  it("send each participant permanently to the conversation with the other one", async () => {
    const forAnn = await openThread("/messaging/thread/7/", ann);
    expect(forAnn.status).toBe(308);
    expect(forAnn.headers.get("location")).toBe(`/messaging/conversation/${ben.id}/`);
    const forBen = await openThread("/messaging/thread/7", ben);
    expect(forBen.status).toBe(308);
    expect(forBen.headers.get("location")).toBe(`/messaging/conversation/${ann.id}/`);
    // The target depends on who asks: no shared cache may keep it.
    expect(forAnn.headers.get("cache-control")).toContain("no-store");
  });

  it("answer 404 to someone who was not in it, and for threads that never existed", async () => {
    for (const path of ["/messaging/thread/7/", "/messaging/thread/999/", "/messaging/thread/abc/", "/messaging/thread/99999999999/"]) {
      const res = await openThread(path, outsider);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("location"), path).toBeNull();
    }
    expect((await openThread("/messaging/thread/7/", cat)).status).toBe(404);
  });

  it("send a group thread's participant to the inbox (groups have no live conversation)", async () => {
    const res = await openThread("/messaging/thread/8/", cat);
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("/messaging/");
  });

  it("send someone signed out to sign in, and back to the link afterwards", async () => {
    const res = await openThread("/messaging/thread/7/");
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("/login/?next=%2Fmessaging%2Fthread%2F7%2F");
  });
});

describe("old inbox and compose links", () => {
  it("redirect permanently, with and without the trailing slash", async () => {
    const redirects = await nextConfig.redirects!();
    const target = (source: string) => redirects.find((r) => r.source === source);
    for (const source of ["/messaging/inbox", "/messaging/inbox/"]) {
      expect(target(source)).toMatchObject({ destination: "/messaging/", permanent: true });
    }
    for (const source of ["/messaging/compose/:userId", "/messaging/compose/:userId/"]) {
      expect(target(source)).toMatchObject({ destination: "/messaging/conversation/:userId/", permanent: true });
    }
  });
});
