import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./member-fixtures";
import { ConversationPage } from "./pages/conversation-page";
import { InboxPage } from "./pages/inbox-page";
import { MemberApi } from "./pages/member-api";

const unique = (label: string) => `${label} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const apiOf = (page: Page, testInfo: TestInfo) => new MemberApi(page, testInfo.project.use.baseURL!);
const SEND = "**/messaging/api/send/";

test("a message reaches the partner live, and their reading turns the tick to read", async ({ pageAs }, testInfo) => {
  const alice = await pageAs("alice");
  const bob = await pageAs("bob");
  const aliceApi = apiOf(alice, testInfo);
  const bobApi = apiOf(bob, testInfo);
  const bobId = await aliceApi.idOf("bob");
  const aliceId = await bobApi.idOf("alice");

  const bobInbox = new InboxPage(bob);
  await bobInbox.goto();
  const badgeBefore = await bobInbox.badgeCount();

  const aliceChat = new ConversationPage(alice);
  await aliceChat.goto(bobId);
  const text = unique("Lunch on Friday?");
  await aliceChat.send(text);
  await expect(aliceChat.composer).toHaveValue("");
  await expect(aliceChat.message(text)).toHaveAttribute("data-status", "sent");

  // Bob sees it without reloading: the inbox row moves and the header badge rises.
  await expect(bobInbox.row("Alice Johnson")).toContainText(text);
  await expect.poll(() => bobInbox.badgeCount()).toBeGreaterThan(badgeBefore);

  await bobInbox.open("Alice Johnson");
  const bobChat = new ConversationPage(bob);
  await expect(bobChat.message(text)).toBeVisible();
  await expect.poll(() => bobApi.unreadFrom(aliceId)).toBe(0);
  await expect.poll(async () => (await bobInbox.badgeCount()) === (await bobApi.unreadCount())).toBe(true);

  await expect(aliceChat.message(text)).toHaveAttribute("data-status", "read");
  await expect(aliceChat.message(text).getByText("Read", { exact: true })).toBeAttached();

  // While Bob has the conversation open, what arrives is read at once.
  const followUp = unique("Or Saturday?");
  await aliceChat.send(followUp);
  await expect(bobChat.message(followUp)).toBeVisible();
  await expect(aliceChat.message(followUp)).toHaveAttribute("data-status", "read");
  expect(await bobApi.unreadFrom(aliceId)).toBe(0);
});

test("a send cut off by the network shows failed, and goes out by itself exactly once when the network is back", async ({ pageAs }, testInfo) => {
  const alice = await pageAs("alice");
  const bob = await pageAs("bob");
  const bobId = await apiOf(alice, testInfo).idOf("bob");
  const aliceId = await apiOf(bob, testInfo).idOf("alice");
  const chat = new ConversationPage(alice);
  await chat.goto(bobId);

  await alice.route(SEND, (route) => route.abort("internetdisconnected"));
  const text = unique("Sent through a tunnel");
  await chat.send(text);
  await expect(chat.message(text)).toHaveAttribute("data-status", "failed");
  await expect(chat.message(text)).toContainText("Not delivered");
  await alice.unroute(SEND);

  // The connection check sees the server again and sends it; nobody presses Retry.
  await expect(chat.message(text)).toHaveAttribute("data-status", /^(sent|read)$/);
  await alice.waitForTimeout(2_500); // a poll or two later, still one
  await expect(chat.message(text)).toHaveCount(1);

  const onServer = await apiOf(alice, testInfo).messagesWith(bobId);
  expect(onServer.filter((m) => m.content === text)).toHaveLength(1);
  const bobChat = new ConversationPage(bob);
  await bobChat.goto(aliceId);
  await expect(bobChat.message(text)).toHaveCount(1);
});

test("messages the server fails with 503 are retried by themselves, in order, with the same client_id, and stored once each", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  const page = await pageFor(ana);
  const chat = new ConversationPage(page);
  await chat.goto(ben.id);

  // The server is in trouble for three attempts, then takes the messages: nobody presses Retry.
  const attempts: { content: string; clientId: string }[] = [];
  let troubled = 3;
  await page.route(SEND, (route) => {
    const body = route.request().postDataJSON() as { content: string; client_id: string };
    attempts.push({ content: body.content, clientId: body.client_id });
    if (troubled-- > 0) return route.fulfill({ status: 503, json: { success: false, error: "The server is busy. Try again in a moment." } });
    return route.continue();
  });
  const first = unique("Through a busy server");
  const second = unique("Right behind it");
  await chat.send(first);
  await expect(chat.message(first)).toContainText("Not delivered yet: the server had a problem");
  await chat.send(second);

  await expect(chat.message(first)).toHaveAttribute("data-status", /^(sent|read)$/, { timeout: 30_000 });
  await expect(chat.message(second)).toHaveAttribute("data-status", /^(sent|read)$/, { timeout: 30_000 });
  await expect(chat.messageRegion.getByRole("button", { name: "Retry" })).toHaveCount(0);
  const firstAttempts = attempts.filter((a) => a.content === first);
  expect(firstAttempts).toHaveLength(4);
  expect(new Set(firstAttempts.map((a) => a.clientId)).size).toBe(1);
  // The second waited behind the first: it was only sent once the first got through.
  expect(attempts.map((a) => a.content)).toEqual([first, first, first, first, second]);

  expect((await ana.api.messagesWith(ben.id)).map((m) => m.content)).toEqual([first, second]);
  await page.reload();
  await expect(chat.message(first)).toHaveCount(1);
  await expect(chat.message(second)).toHaveCount(1);
});

test("sending again after a lost answer does not duplicate the message the server already kept", async ({ pageAs }, testInfo) => {
  const alice = await pageAs("alice");
  const carolId = await apiOf(alice, testInfo).idOf("carol");
  const chat = new ConversationPage(alice);
  // The server stores the message, but its answer never arrives; live events and polling are cut too.
  await alice.route("**/messaging/api/events/**", (route) => route.abort("connectionreset"));
  await chat.goto(carolId);

  await alice.route(SEND, async (route) => {
    await route.fetch();
    await route.abort("connectionreset");
  });
  await alice.route("**/messaging/api/messages/**", (route) => route.abort("connectionreset"));
  const text = unique("Did this arrive?");
  await chat.send(text);
  await expect(chat.message(text)).toHaveAttribute("data-status", "failed");
  await alice.unrouteAll();

  // Sent again by itself with the same client_id: the server answers with the one it kept.
  await expect(chat.message(text)).toHaveAttribute("data-status", /^(sent|read)$/);
  await expect(chat.message(text)).toHaveCount(1);
  const onServer = await apiOf(alice, testInfo).messagesWith(carolId);
  expect(onServer.filter((m) => m.content === text)).toHaveLength(1);
});

test("a message the server refuses for good stays failed with its sentence until the member presses Retry", async ({ pageAs }, testInfo) => {
  const alice = await pageAs("alice");
  const bobId = await apiOf(alice, testInfo).idOf("bob");
  const chat = new ConversationPage(alice);
  await chat.goto(bobId);

  let refusals = 0;
  await alice.route(SEND, (route) => {
    refusals++;
    return route.fulfill({ status: 403, json: { success: false, error: "You cannot message this member right now." } });
  });
  const text = unique("Refused once");
  await chat.send(text);
  await expect(chat.message(text)).toHaveAttribute("data-status", "failed");
  await expect(chat.message(text)).toContainText("Not delivered: You cannot message this member right now.");
  // Neither the clock nor a connection that comes back sends it again: the answer would be the same.
  await alice.context().setOffline(true);
  await alice.context().setOffline(false);
  await alice.waitForTimeout(4_000);
  expect(refusals).toBe(1);
  await expect(chat.message(text)).toHaveAttribute("data-status", "failed");

  await alice.unroute(SEND);
  await chat.retry(text);
  await expect(chat.message(text)).toHaveAttribute("data-status", /^(sent|read)$/);
  const onServer = await apiOf(alice, testInfo).messagesWith(bobId);
  expect(onServer.filter((m) => m.content === text)).toHaveLength(1);
});

test("scrolling up loads older messages without moving the view", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  // 60 messages, 30 from each, so neither reaches the send limit (30 per 10 s).
  for (let i = 1; i <= 60; i++) {
    const [from, to] = i % 2 ? [ana, ben] : [ben, ana];
    await from.api.send(to.id, `History line ${i}.`);
  }
  // Read already: an unread conversation opens at its first unread message instead.
  await ana.api.markConversationRead(ben.id);
  const page = await pageFor(ana);
  const chat = new ConversationPage(page);
  await chat.goto(ben.id);
  await expect(chat.message("History line 60.")).toBeInViewport();
  // The page holds lines 11–60 but draws the newest 20; scrolling up draws the rest, then asks for older ones.
  await expect(chat.message("History line 41.")).toBeAttached();
  await expect(chat.message("History line 40.")).toHaveCount(0);
  await expect(async () => {
    await chat.scrollToTop();
    await expect(chat.message("History line 11.")).toBeAttached({ timeout: 500 });
  }).toPass();

  await chat.scrollToTop();
  const before = await chat.offsetInView("History line 11.");
  await expect(chat.message("History line 1.")).toBeAttached();
  await expect(page.getByText("This is the start of your conversation with Ben")).toBeAttached();
  expect(Math.abs((await chat.offsetInView("History line 11.")) - before)).toBeLessThan(3);
});

test("New message finds a member and opens the conversation; the composer keeps Shift+Enter lines", async ({ pageAs }) => {
  const alice = await pageAs("alice");
  const inbox = new InboxPage(alice);
  await inbox.goto();
  await inbox.startNewMessage("grac", "Grace Kim");
  const chat = new ConversationPage(alice);
  await expect(chat.page.getByRole("heading", { name: "Grace Kim" })).toBeVisible();

  await chat.composer.fill("first line");
  await chat.composer.press("Shift+Enter");
  await chat.composer.pressSequentially("second line");
  await expect(chat.composer).toHaveValue("first line\nsecond line");
  await chat.composer.fill("x".repeat(4_600));
  await expect(alice.getByText("4,600 / 5,000")).toBeVisible();
  await chat.composer.fill("x".repeat(5_001));
  await expect(alice.getByRole("button", { name: "Send" })).toBeDisabled();
});

test("unknown and invalid ids are a 404; your own id goes back to the inbox", async ({ pageAs }, testInfo) => {
  const alice = await pageAs("alice");
  const aliceId = await apiOf(await pageAs("bob"), testInfo).idOf("alice");
  for (const id of ["99999999", "abc", "0", "2147483648", "99999999999"]) {
    const answer = await alice.goto(`/messaging/conversation/${id}/`);
    expect(answer?.status()).toBe(404);
    await expect(alice.getByRole("heading", { name: "We couldn’t find that member" })).toBeVisible();
  }
  await alice.goto(`/messaging/conversation/${aliceId}/`);
  await expect(alice).toHaveURL(/\/messaging\/$/);
});

test("inbox and conversation pass an axe scan; screenshots of both layouts", async ({ pageAs }, testInfo) => {
  const alice = await pageAs("alice");
  const errors: string[] = [];
  // Resource 404s are prefetches of pages other branches add (/community/, /settings/profile/).
  const scriptError = (text: string) => !text.startsWith("Failed to load resource");
  alice.on("console", (message) => message.type() === "error" && scriptError(message.text()) && errors.push(message.text()));
  alice.on("pageerror", (error) => errors.push(error.message));
  const shot = (name: string) => alice.screenshot({ path: `e2e/screenshots/${testInfo.project.name}-${name}.png` });
  const serious = async () =>
    (await new AxeBuilder({ page: alice }).analyze()).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);

  const api = apiOf(alice, testInfo);
  const newest = unique("Here is the agenda: https://example.com/agenda");
  await api.send(await api.idOf("bob"), newest);

  const inbox = new InboxPage(alice);
  await inbox.goto();
  await expect(inbox.row("Bob Martinez")).toContainText(newest);
  await shot("inbox");
  expect(await serious()).toEqual([]);

  await inbox.open("Bob Martinez");
  const chat = new ConversationPage(alice);
  await expect(chat.composer).toBeVisible();
  await expect(chat.message(newest)).toBeInViewport(); // opens scrolled to the newest
  const link = chat.message(newest).getByRole("link", { name: "https://example.com/agenda" });
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await shot("conversation");
  expect(await serious()).toEqual([]);

  await alice.emulateMedia({ colorScheme: "dark" });
  await alice.waitForTimeout(400); // let colour transitions finish
  await shot("conversation-dark");
  expect(await serious()).toEqual([]);
  expect(errors, "no hydration or script errors").toEqual([]);
});
