import type { Page, Request } from "@playwright/test";
import { expect, test } from "./member-fixtures";
import { ConversationPage } from "./pages/conversation-page";
import { MemberApi } from "./pages/member-api";

const unique = (label: string) => `${label} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const POLLED = /\/messaging\/api\/(messages|conversations|unread-count)\//;

/** Opens the conversation and waits until the page's events stream answered. */
async function openLive(page: Page, partnerId: number) {
  const stream = page.waitForResponse((r) => r.url().includes("/messaging/api/events/") && r.status() === 200);
  const chat = new ConversationPage(page);
  await chat.goto(partnerId);
  await stream;
  return chat;
}

/** Every poll request the page makes from now on. */
function recordPolls(page: Page): Request[] {
  const polls: Request[] = [];
  page.on("request", (request) => {
    if (request.method() === "GET" && POLLED.test(request.url())) polls.push(request);
  });
  return polls;
}

test("a message and typing reach the other screen over the events stream, with no polling", async ({ pageAs }, testInfo) => {
  const alice = await pageAs("alice");
  const bob = await pageAs("bob");
  const baseURL = testInfo.project.use.baseURL!;
  const bobId = await new MemberApi(alice, baseURL).idOf("bob");
  const aliceId = await new MemberApi(bob, baseURL).idOf("alice");
  const aliceChat = await openLive(alice, bobId);
  const bobChat = await openLive(bob, aliceId);
  // Past the page's own first loads (and a poll interval, had there been polling).
  await bob.waitForTimeout(2_500);
  const bobPolls = recordPolls(bob);
  const alicePolls = recordPolls(alice);

  await aliceChat.composer.pressSequentially("Are you th", { delay: 20 });
  await expect(bob.getByTestId("partner-status")).toHaveText("typing…");
  const text = unique("Are you there?");
  await aliceChat.send(text);
  await expect(bobChat.message(text)).toBeVisible();
  await expect(bob.getByTestId("partner-status")).not.toHaveText("typing…");
  // Bob had it open: it is read at once, and Alice's tick turns without her asking.
  await expect(aliceChat.message(text)).toHaveAttribute("data-status", "read");
  await bob.waitForTimeout(2_500);
  expect(bobPolls.map((r) => r.url())).toEqual([]);
  expect(alicePolls.map((r) => r.url())).toEqual([]);
});

test("polling takes over when the events stream cannot be opened", async ({ pageAs }, testInfo) => {
  const alice = await pageAs("alice");
  const bob = await pageAs("bob");
  await bob.route("**/messaging/api/events/**", (route) => route.abort());
  const baseURL = testInfo.project.use.baseURL!;
  const bobId = await new MemberApi(alice, baseURL).idOf("bob");
  const aliceId = await new MemberApi(bob, baseURL).idOf("alice");
  const aliceChat = await openLive(alice, bobId);
  const bobChat = new ConversationPage(bob);
  await bobChat.goto(aliceId);
  const bobPolls = recordPolls(bob);
  const text = unique("Still there without push?");
  await aliceChat.send(text);
  await expect(bobChat.message(text)).toBeVisible();
  expect(bobPolls.some((r) => r.url().includes(`/messaging/api/messages/${aliceId}/`))).toBe(true);
});
