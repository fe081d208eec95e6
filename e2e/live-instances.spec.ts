import { expect, request, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../db/demo-community";
import { AuthPages } from "./pages/auth-pages";
import { ConversationPage } from "./pages/conversation-page";
import { MemberApi, signUpMember } from "./pages/member-api";
import { messageIds, openEventStream, type EventStream } from "./support/event-stream";
import { postgresReachable, startLiveInstances, type LiveInstances } from "./support/live-instances";

// Two production servers (server.mjs, hot paths included) on one PostgreSQL database: what goes through A reaches screens served by B.
const PORT = Number(process.env.E2E_LIVE_PORT ?? 3510);
const POLLS = /\/messaging\/api\/(messages|conversations|unread-count)\//;
const unique = (label: string) => `${label} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test.describe.configure({ mode: "serial" });
test.skip(({ isMobile }) => isMobile, "Two instances are started once, for the desktop project only.");

let live: LiveInstances;
const streams: EventStream[] = [];
const contexts: APIRequestContext[] = [];

test.beforeAll(async () => {
  test.skip(!(await postgresReachable()), "PostgreSQL is not reachable at 127.0.0.1:5432 (user postgres): these tests need it.");
  test.setTimeout(300_000);
  live = await startLiveInstances([PORT, PORT + 1]);
});

test.afterEach(async () => {
  streams.splice(0).forEach((s) => s.close());
  await Promise.all(contexts.splice(0).map((c) => c.dispose()));
});

test.afterAll(async () => {
  await live?.stop();
});

type Member = { api: MemberApi; request: APIRequestContext; cookie: string; baseURL: string };

/** A demo member signed in through next-auth on one instance, over HTTP. */
async function signIn(baseURL: string, username: string): Promise<Member> {
  const context = await request.newContext({ baseURL });
  contexts.push(context);
  await context.get("/login/"); // the csrftoken cookie
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const answer = await context.post("/api/auth/callback/credentials", {
    form: { username, password: DEMO_PASSWORD, csrfToken, json: "true" },
  });
  expect(answer.ok()).toBe(true);
  return { api: new MemberApi(context, baseURL), request: context, cookie: await cookieOf(context), baseURL };
}

/** A brand-new member signed up and in on one instance, for conversations no other test touches. */
async function signUp(baseURL: string, name: string): Promise<Member & { id: number }> {
  const { id, api, request: context } = await signUpMember(baseURL, name);
  contexts.push(context);
  return { id, api, request: context, cookie: await cookieOf(context), baseURL };
}

/** The Cookie header of a signed-in context (the session is valid on either instance). */
async function cookieOf(context: APIRequestContext) {
  const { cookies } = await context.storageState();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

async function post(member: Member, path: string, data?: unknown) {
  const { cookies } = await member.request.storageState();
  const csrf = decodeURIComponent(cookies.find((c) => c.name === "csrftoken")?.value ?? "");
  return member.request.post(path, { data, headers: { "X-CSRFToken": csrf, Origin: member.baseURL } });
}

/** A stream that has caught up (its first unread total arrived) and is live. */
async function liveStream(baseURL: string, member: Member, options: { lastEventId?: number } = {}) {
  const stream = await openEventStream(baseURL, member.cookie, options);
  streams.push(stream);
  await stream.next((e) => e.event === "unread");
  return stream;
}

const messageEvent = (id: number) => (e: { event: string; id?: string }) => e.event === "message" && e.id === String(id);

test("a message, its read receipt and typing cross instances, and a stream resumes on the other instance", async () => {
  const alice = await signIn(live.a.url, "alice");
  const bob = await signIn(live.b.url, "bob");
  const bobId = await alice.api.idOf("bob");
  const aliceId = await bob.api.idOf("alice");
  const aliceOnA = await liveStream(live.a.url, alice);
  const bobOnB = await liveStream(live.b.url, bob);

  // Sent through A, pushed by B.
  const text = unique("Across instances");
  const sent = await alice.api.send(bobId, text);
  const pushed = await bobOnB.next(messageEvent(sent.id));
  expect(pushed.data).toMatchObject({ id: sent.id, sender_id: aliceId, receiver_id: bobId, content: text, is_read: false });
  await bobOnB.next((e) => e.event === "unread" && Number(e.data.unread_count) >= 1);
  await aliceOnA.next(messageEvent(sent.id)); // the sender's other tabs

  // Read on B, the receipt pushed back through A.
  const read = await post(bob, `/messaging/api/mark-conversation-read/${aliceId}/`);
  expect(read.ok()).toBe(true);
  const receipt = await aliceOnA.next((e) => e.event === "read" && e.data.reader_id === bobId);
  expect(receipt.data).toMatchObject({ reader_id: bobId, partner_id: aliceId });
  expect(Number(receipt.data.up_to_id)).toBeGreaterThanOrEqual(sent.id);

  // Typing signalled on A reaches B.
  const typing = await post(alice, "/messaging/api/typing/", { receiver_id: bobId, typing: true });
  expect(typing.status()).toBe(202);
  await bobOnB.next((e) => e.event === "typing" && e.data.user_id === aliceId && e.data.typing === true);

  // Bob's stream on B ends; what was sent meanwhile arrives when he resumes on A with Last-Event-ID.
  bobOnB.close();
  const missed = [await alice.api.send(bobId, unique("While away 1")), await alice.api.send(bobId, unique("While away 2"))];
  const resumed = await liveStream(live.a.url, bob, { lastEventId: sent.id });
  await resumed.next(messageEvent(missed[1]!.id));
  expect(messageIds(resumed)).toEqual(missed.map((m) => m.id));

  // Nothing was delivered twice.
  expect(messageIds(bobOnB)).toEqual([sent.id]);
  expect(messageIds(aliceOnA)).toEqual([sent.id, ...missed.map((m) => m.id)]);
});

test("a listener killed with pg_terminate_backend: that instance's streams resync and later messages still arrive", async () => {
  const alice = await signIn(live.a.url, "alice");
  const bob = await signIn(live.b.url, "bob");
  const bobId = await alice.api.idOf("bob");
  const bobOnB = await liveStream(live.b.url, bob);
  const aliceOnA = await liveStream(live.a.url, alice);

  const [listener, ...others] = await live.listenerPids(live.b);
  expect(listener, "instance B holds one LISTEN connection").toBeDefined();
  expect(others).toEqual([]);
  const otherListeners = await live.listenerPids(live.a);
  expect(otherListeners).toHaveLength(1);
  await live.admin`select pg_terminate_backend(${listener!}::int)`;

  await bobOnB.next((e) => e.event === "resync", 30_000);
  await expect.poll(() => live.listenerPids(live.b), { timeout: 30_000 }).toEqual([expect.any(Number)]);
  expect((await live.listenerPids(live.b))[0]).not.toBe(listener);

  const sent = await alice.api.send(bobId, unique("After the listener came back"));
  await bobOnB.next(messageEvent(sent.id));
  // A's listener was not touched: its streams had nothing to refetch.
  expect(await live.listenerPids(live.a)).toEqual(otherListeners);
  expect(aliceOnA.events.some((e) => e.event === "resync")).toBe(false);
});

/** The data of the stream's events of one kind, from the `from`th event on. */
const dataOf = (stream: EventStream, event: string, from = 0) =>
  stream.events.slice(from).filter((e) => e.event === event).map((e) => e.data);

test("a mute through A reaches the member's stream on B once, with the muted part of the unread count, and so does the unmute", async () => {
  const ana = await signUp(live.a.url, "Ana");
  const ben = await signUp(live.a.url, "Ben");
  const anaOnB = await liveStream(live.b.url, ana);
  const sent = [];
  for (const n of [1, 2, 3]) sent.push(await ben.api.send(ana.id, unique(`Unread ${n}`)));
  // The sends' events are over with the total that follows the last message (a stream opened after the sends could still get them).
  const last = anaOnB.events.indexOf(await anaOnB.next(messageEvent(sent[2]!.id)));
  const total = await anaOnB.next((e) => e.event === "unread" && anaOnB.events.indexOf(e) > last);
  expect(total.data).toEqual({ unread_count: 3, muted_unread_count: 0 });
  const from = anaOnB.events.length;

  // Muted through A: B pushes the mute, then the total with Ben's three unread as its muted part.
  const mute = (muted: boolean) => post(ana, "/messaging/api/mutes/", { user_id: ben.id, muted });
  expect(await (await mute(true)).json()).toEqual({ success: true, user_id: ben.id, muted: true });
  await expect.poll(() => dataOf(anaOnB, "mute", from)).toEqual([{ user_id: ben.id, muted: true }]);
  await expect.poll(() => dataOf(anaOnB, "unread", from)).toEqual([{ unread_count: 3, muted_unread_count: 3 }]);

  // The same mute again changes nothing and says nothing: the unmute's events (notices keep commit order) come next.
  expect(await (await mute(true)).json()).toEqual({ success: true, user_id: ben.id, muted: true });
  expect(await (await mute(false)).json()).toEqual({ success: true, user_id: ben.id, muted: false });
  await expect.poll(() => dataOf(anaOnB, "mute", from)).toEqual([
    { user_id: ben.id, muted: true },
    { user_id: ben.id, muted: false },
  ]);
  await expect.poll(() => dataOf(anaOnB, "unread", from)).toEqual([
    { unread_count: 3, muted_unread_count: 3 },
    { unread_count: 3, muted_unread_count: 0 },
  ]);
  expect(await new MemberApi(ana.request, live.b.url).mutes()).toEqual([]);
});

async function signedInPage(browser: Browser, baseURL: string, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await new AuthPages(page).signIn(username, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login\//);
  return page;
}

test("a message sent on A appears in bob's open conversation on B with no poll while the stream is open", async ({ browser }) => {
  const alicePage = await signedInPage(browser, live.a.url, "alice");
  const bobPage = await signedInPage(browser, live.b.url, "bob");
  try {
    const bobId = await new MemberApi(alicePage, live.a.url).idOf("bob");
    const aliceId = await new MemberApi(bobPage, live.b.url).idOf("alice");

    const streamOpened = bobPage.waitForResponse((r) => r.url().includes("/messaging/api/events/") && r.status() === 200);
    const bobChat = new ConversationPage(bobPage);
    await bobChat.goto(aliceId);
    await streamOpened;
    await bobPage.waitForTimeout(1_500); // settled: first loads done, stream open

    const polls: { url: string; at: number }[] = [];
    bobPage.on("request", (r) => {
      if (POLLS.test(r.url())) polls.push({ url: r.url(), at: Date.now() });
    });
    const aliceChat = new ConversationPage(alicePage);
    await aliceChat.goto(bobId);

    // Typing on A shows on B.
    await aliceChat.composer.fill("Are you");
    await expect(bobPage.getByText(/typing/i).first()).toBeVisible();

    const text = unique("Pushed, not polled");
    const sentAt = Date.now();
    await aliceChat.send(text);
    await expect(bobChat.message(text)).toBeVisible();
    const appearedAt = Date.now();
    // Bob has it open: it is read at once, and the receipt travels back through A to Alice.
    await expect(aliceChat.message(text)).toHaveAttribute("data-status", "read");
    expect(polls.filter((p) => p.at >= sentAt && p.at <= appearedAt)).toEqual([]);
  } finally {
    await alicePage.context().close();
    await bobPage.context().close();
  }
});

test("the mute button of a conversation open on B flips when the member mutes and unmutes through A, with no refetch", async ({ browser }) => {
  const ana = await signUp(live.a.url, "Ana");
  const ben = await signUp(live.a.url, "Ben");
  const context = await browser.newContext({ baseURL: live.b.url, storageState: await ana.request.storageState() });
  try {
    const page = await context.newPage();
    const streamOpened = page.waitForResponse((r) => r.url().includes("/messaging/api/events/") && r.status() === 200);
    const chat = new ConversationPage(page);
    await chat.goto(ben.id);
    await streamOpened;
    await expect(chat.muteButton).toHaveAttribute("aria-pressed", "false");
    await expect(chat.muteButton).toBeEnabled();

    // Mutes are never polled: only B's live `mute` events can flip the button (a reconnection would refetch them).
    const mutesRequests: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/messaging/api/mutes/")) mutesRequests.push(`${r.method()} ${r.url()}`);
    });
    await ana.api.setMuted(ben.id, true);
    await expect(chat.muteButton).toHaveAttribute("aria-pressed", "true");
    await ana.api.setMuted(ben.id, false);
    await expect(chat.muteButton).toHaveAttribute("aria-pressed", "false");
    expect(mutesRequests).toEqual([]);
  } finally {
    await context.close();
  }
});
