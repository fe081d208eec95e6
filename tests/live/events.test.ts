import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as markConversationRead } from "@/app/messaging/api/mark-conversation-read/[userId]/route";
import { POST as sendRoute } from "@/app/messaging/api/send/route";
import { POST as typingRoute } from "@/app/messaging/api/typing/route";
import { GET as eventsRoute } from "@/app/messaging/api/events/route";
import { getDatabaseHandle } from "@/db/connection";
import { startLiveDelivery, stopLiveDelivery } from "@/lib/live/hub";
import type { User } from "@/db/schema";
import { call } from "../support/http";
import { createMember } from "../support/members";
import { messageEvents, openStream, type OpenStream } from "../support/events";

const streams: OpenStream[] = [];
const stream = async (...args: Parameters<typeof openStream>) => {
  const opened = await openStream(...args);
  streams.push(opened);
  return opened;
};

const send = async (from: User, to: User, content: string) => {
  const res = await call(sendRoute, "POST", "/messaging/api/send/", { as: from, body: { receiver_id: to.id, content } });
  expect(res.status).toBe(201);
  return (res.json.message as { id: number }).id;
};

beforeAll(async () => {
  await startLiveDelivery(await getDatabaseHandle());
});

afterAll(async () => {
  streams.forEach((s) => s.close());
  await stopLiveDelivery();
});

describe("GET /messaging/api/events/", () => {
  it("answers 401 JSON without a session, and 400 for a resume point that is not a message id", async () => {
    const anonymous = await call(eventsRoute, "GET", "/messaging/api/events/");
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toEqual({ success: false, error: "You need to sign in to do that." });
    const member = await createMember();
    const bad = await call(eventsRoute, "GET", "/messaging/api/events/?after=abc", { as: member });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/resume point/);
  });

  it("starts at once with a retry hint, unbuffered headers and the member's unread total", async () => {
    const [ann, ben] = [await createMember(), await createMember()];
    await send(ben, ann, "waiting for you");
    const s = await stream(ann);
    expect(s.status).toBe(200);
    expect(s.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(s.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(s.headers.get("x-accel-buffering")).toBe("no");
    expect(await s.preamble).toMatch(/^retry: \d{4}\n/);
    expect((await s.next((e) => e.event === "unread")).data).toEqual({ unread_count: 1, muted_unread_count: 0 });
  });

  it("pushes a message to the receiver and to the sender's other tabs, with the receiver's new unread total", async () => {
    const [ann, ben] = [await createMember(), await createMember()];
    const receiver = await stream(ben);
    const senderTab = await stream(ann);
    await receiver.next((e) => e.event === "unread");
    const id = await send(ann, ben, "hello <b>there</b>");
    const pushed = await receiver.next((e) => e.event === "message" && e.id === String(id));
    expect(pushed.data).toMatchObject({ id, sender_id: ann.id, receiver_id: ben.id, content: "hello <b>there</b>", is_read: false });
    await senderTab.next((e) => e.event === "message" && e.id === String(id));
    await receiver.next((e) => e.event === "unread" && e.data.unread_count === 1);
  });

  it("pushes a read receipt to the sender and the new total to the reader", async () => {
    const [ann, ben] = [await createMember(), await createMember()];
    const first = await send(ann, ben, "one");
    const second = await send(ann, ben, "two");
    const sender = await stream(ann);
    const reader = await stream(ben);
    await reader.next((e) => e.event === "unread" && e.data.unread_count === 2);
    const res = await call(markConversationRead, "POST", `/messaging/api/mark-conversation-read/${ann.id}/`, {
      as: ben,
      params: { userId: String(ann.id) },
    });
    expect(res.json.marked).toBe(2);
    const receipt = await sender.next((e) => e.event === "read");
    expect(receipt.data).toMatchObject({ reader_id: ben.id, partner_id: ann.id, up_to_id: second });
    expect(Number.isNaN(Date.parse(String(receipt.data.read_at)))).toBe(false);
    expect(second).toBeGreaterThan(first);
    await reader.next((e) => e.event === "unread" && e.data.unread_count === 0);
  });

  it("pushes typing to the partner only, at most once per 2 s, and a stop at any time", async () => {
    const [ann, ben, cy] = [await createMember(), await createMember(), await createMember()];
    const partner = await stream(ben);
    const bystander = await stream(cy);
    const typing = (typing: boolean) =>
      call(typingRoute, "POST", "/messaging/api/typing/", { as: ann, body: { receiver_id: ben.id, typing } });
    expect((await typing(true)).status).toBe(202);
    expect((await partner.next((e) => e.event === "typing")).data).toEqual({ user_id: ann.id, typing: true });
    const again = await typing(true);
    expect(again.status).toBe(429);
    expect(again.json.error).toMatch(/once every 2 seconds/);
    expect((await typing(false)).status).toBe(202);
    await partner.next((e) => e.event === "typing" && e.data.typing === false);
    await bystander.next((e) => e.event === "unread");
    expect(bystander.events.some((e) => e.event === "typing")).toBe(false);
    const unknown = await call(typingRoute, "POST", "/messaging/api/typing/", { as: ann, body: { receiver_id: 99_999_999, typing: true } });
    expect(unknown.status).toBe(404);
    const malformed = await call(typingRoute, "POST", "/messaging/api/typing/", { as: ann, body: { receiver_id: ben.id, typing: "yes" } });
    expect(malformed.status).toBe(400);
  });

  it("resumes after Last-Event-ID (or ?after=) with every missed message, in order, each once", async () => {
    const [ann, ben] = [await createMember(), await createMember()];
    const seen = await send(ann, ben, "seen before the connection dropped");
    const missed = [await send(ann, ben, "missed 1"), await send(ben, ann, "missed 2 (ben's own, from another tab)")];
    const resumed = await stream(ben, { lastEventId: seen });
    await resumed.next((e) => e.event === "message" && e.id === String(missed[1]));
    const live = await send(ann, ben, "live after resume");
    await resumed.next((e) => e.event === "message" && e.id === String(live));
    expect(messageEvents(resumed)).toEqual([...missed, live]);

    const byQuery = await stream(ben, { after: missed[0] });
    await byQuery.next((e) => e.event === "message" && e.id === String(live));
    expect(messageEvents(byQuery)).toEqual([missed[1], live]);
  });
});
