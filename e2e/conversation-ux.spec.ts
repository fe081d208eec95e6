import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./member-fixtures";
import { ConversationPage } from "./pages/conversation-page";
import { InboxPage } from "./pages/inbox-page";
import type { NewMember } from "./pages/member-api";
import { SiteChrome } from "./pages/site-chrome";
import { hasCoarsePointer } from "./support/pointer";

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
}

/** `count` messages from one member to another, numbered, within the send limit (30 per 10 s). */
async function history(from: NewMember, to: NewMember, label: string, count: number) {
  for (let i = 1; i <= count; i++) await from.api.send(to.id, `${label} ${i}.`);
}

test("a conversation opens at its first unread message, under a divider that stays until it is left", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  await history(ana, ben, "Earlier line", 6);
  await history(ben, ana, "Unread line", 24);
  const page = await pageFor(ana);
  const chat = new ConversationPage(page);
  await chat.goto(ben.id);

  await expect(chat.unreadDivider).toHaveText("24 unread messages");
  await expect(chat.unreadDivider).toBeInViewport();
  await expect(chat.message("Unread line 1.")).toBeInViewport();
  await expect(chat.message("Unread line 24.")).not.toBeInViewport();
  // Below the view: a pill that jumps to them.
  await expect(chat.newMessagesPill).toHaveText(/24 new messages/);
  expect(await seriousViolations(page)).toEqual([]);

  // Opening marks them read; the divider stays while the member is here.
  await expect.poll(() => ana.api.unreadFrom(ben.id)).toBe(0);
  await chat.newMessagesPill.click();
  await expect(chat.message("Unread line 24.")).toBeInViewport();
  await expect(chat.newMessagesPill).toBeHidden();
  await expect(chat.unreadDivider).toBeAttached();

  // Coming back later, nothing is unread: no divider.
  await page.reload();
  await expect(chat.message("Unread line 24.")).toBeInViewport();
  await expect(chat.unreadDivider).toHaveCount(0);
});

test("a message arriving while scrolled up shows a New message pill; the type stays as chosen", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  await history(ben, ana, "Old line", 25);
  const page = await pageFor(ana);
  const chat = new ConversationPage(page);
  await chat.goto(ben.id);
  await expect.poll(() => ana.api.unreadFrom(ben.id)).toBe(0);
  await page.reload();
  await expect(chat.message("Old line 25.")).toBeInViewport();

  await chat.scrollToTop();
  await expect(chat.message("Old line 25.")).not.toBeInViewport();
  await ben.api.send(ana.id, "Are you there?");
  await expect(chat.newMessagesPill).toHaveText("New message");
  await chat.newMessagesPill.click();
  await expect(chat.message("Are you there?")).toBeInViewport();

  await chat.typeSelect.selectOption({ label: "Coffee Chat" });
  await chat.send("Coffee on Thursday?");
  await expect(chat.message("Coffee on Thursday?")).toHaveAttribute("data-status", /^(sent|read)$/);
  await expect(chat.typeSelect).toHaveValue("coffee_chat");
  await expect(chat.composer).toBeFocused();
  const sent = await ana.api.messagesWith(ben.id);
  expect(sent.at(-1)).toMatchObject({ content: "Coffee on Thursday?", message_type: "coffee_chat" });
});

test("a message in another conversation: the title counts it, a toast opens it; mute silences both", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  const cleo = await newMember("Cleo");
  await ben.api.send(ana.id, "Hello from Ben.");
  await cleo.api.send(ana.id, "Hello from Cleo.");
  const page = await pageFor(ana);
  const site = new SiteChrome(page);
  const chat = new ConversationPage(page);
  await chat.goto(cleo.id);
  await expect(page).toHaveTitle(/^\(1\) Cleo · Community Messages$/); // Ben's is unread; Cleo's is read on opening

  await ben.api.send(ana.id, "Are you coming tonight?");
  const toast = site.toast("Are you coming tonight?");
  await expect(toast).toContainText("Ben");
  await expect.poll(() => site.titleCount()).toBe(2);
  // Toasts sit above everything else and never over the composer.
  const toastBox = (await toast.boundingBox())!;
  const composerBox = (await chat.composer.boundingBox())!;
  expect(toastBox.y + toastBox.height).toBeLessThan(composerBox.y);
  await toast.click();
  await expect(page).toHaveURL(new RegExp(`/messaging/conversation/${ben.id}/$`));
  await expect.poll(() => site.titleCount()).toBe(0);

  // Muted, Cleo's messages bring no toast and no count.
  await chat.goto(cleo.id);
  await chat.muteButton.click();
  await expect(chat.muteButton).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => ana.api.mutes()).toEqual([cleo.id]);
  await page.goto("/messaging/");
  await cleo.api.send(ana.id, "A muted message.");
  await ben.api.send(ana.id, "An unmuted message.");
  await expect(site.toast("An unmuted message.")).toBeVisible();
  // The toast sits in the page's accessibility tree without a serious violation.
  expect(await seriousViolations(page)).toEqual([]);
  await expect(new InboxPage(page).row("Cleo")).toContainText("A muted message.");
  // The row says it is muted; Ben's does not.
  await expect(new InboxPage(page).row("Cleo").getByTestId("conversation-muted")).toBeVisible();
  await expect(new InboxPage(page).row("Ben").getByTestId("conversation-muted")).toHaveCount(0);
  await expect(site.toast("A muted message.")).toHaveCount(0);
  await expect.poll(() => site.titleCount()).toBe(1);
});

test("a mute follows the member to another device, and the title leaves it out on every page", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  const cleo = await newMember("Cleo");
  await history(cleo, ana, "Chatter", 3);
  await ben.api.send(ana.id, "Important.");
  const laptop = await pageFor(ana);
  const phone = await pageFor(ana); // a second browser: another device of the same member
  const onLaptop = new ConversationPage(laptop);
  const onPhone = new ConversationPage(phone);
  await onPhone.goto(cleo.id);
  await expect(onPhone.muteButton).toHaveAttribute("aria-pressed", "false");

  await onLaptop.goto(cleo.id);
  await onLaptop.muteButton.click();
  await expect.poll(() => ana.api.mutes()).toEqual([cleo.id]);
  // The other device hears of it at once, without a reload.
  await expect(onPhone.muteButton).toHaveAttribute("aria-pressed", "true");
  // Both leave the conversation (an open one reads what arrives), for pages that load no inbox.
  await phone.goto("/settings/profile/");
  await laptop.goto("/community/");
  await history(cleo, ana, "More chatter", 2);
  await expect.poll(() => ana.api.unreadFrom(cleo.id)).toBe(2);

  // Pages opened fresh, with no inbox loaded: Cleo's unread stays out of the count, Ben's is in it.
  await laptop.reload();
  await expect(laptop).toHaveTitle(/^\(1\) Community · /);
  await expect(phone).toHaveTitle(/^\(1\) Your profile · /);
  await cleo.api.send(ana.id, "Still chattering.");
  await ben.api.send(ana.id, "Still important.");
  await expect(laptop).toHaveTitle(/^\(2\) Community · /);
  await expect(new SiteChrome(laptop).toast("Still important.")).toBeVisible();
  await expect(new SiteChrome(laptop).toast("Still chattering.")).toHaveCount(0);

  // Unmuted from a third device: both pages count Cleo's three unread again.
  await ana.api.setMuted(cleo.id, false);
  await expect(laptop).toHaveTitle(/^\(5\) Community · /);
  await expect(phone).toHaveTitle(/^\(5\) Your profile · /);
  expect(await ana.api.mutes()).toEqual([]);
});

test("the title counts unread messages on every signed-in page", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  await history(ben, ana, "Ping", 3);
  const page = await pageFor(ana);
  await page.goto("/settings/profile/");
  await expect(page).toHaveTitle("(3) Your profile · Community Messages");
  await page.goto("/community/");
  await expect(page).toHaveTitle("(3) Community · Community Messages");
  await ben.api.send(ana.id, "One more.");
  await expect(page).toHaveTitle("(4) Community · Community Messages");
});

test("offline: a banner counts the messages waiting, and they go out in order when the connection returns", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  await ben.api.send(ana.id, "Write when you can.");
  const page = await pageFor(ana);
  const site = new SiteChrome(page);
  const chat = new ConversationPage(page);
  await chat.goto(ben.id);

  await page.context().setOffline(true);
  await expect(site.offlineBanner).toHaveText("You’re offline.");
  await chat.send("First while offline.");
  await chat.send("Second while offline.");
  await expect(site.offlineBanner).toHaveText("You’re offline. 2 messages are waiting and will go out when you're back.");
  await expect(chat.message("First while offline.")).toHaveAttribute("data-status", "sending");
  expect(await seriousViolations(page)).toEqual([]);

  await page.context().setOffline(false);
  await expect(site.offlineBanner).toBeHidden();
  await expect(chat.message("Second while offline.")).toHaveAttribute("data-status", /^(sent|read)$/);
  const onServer = (await ana.api.messagesWith(ben.id)).map((m) => m.content);
  expect(onServer.slice(-2)).toEqual(["First while offline.", "Second while offline."]);
});

test("a server that cannot be reached shows the banner too; repeated errors collapse into one toast; the waiting messages go out by themselves, in order, once each", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  const page = await pageFor(ana);
  const site = new SiteChrome(page);
  const chat = new ConversationPage(page);
  await chat.goto(ben.id);
  // The browser believes it is online, but no request reaches the server.
  await page.route("**/messaging/api/**", (route) => route.abort("connectionrefused"));
  await chat.send("Into the void 1.");
  await chat.send("Into the void 2.");
  await expect(site.offlineBanner).toContainText("2 messages are waiting");
  await expect(site.toasts).toHaveCount(1);
  await expect(site.toasts).toContainText("×2");
  // Toasts never sit over the composer.
  const toastBox = (await site.toasts.boundingBox())!;
  expect(toastBox.y + toastBox.height).toBeLessThan((await chat.composer.boundingBox())!.y);

  await expect(chat.message("Into the void 1.")).toContainText("goes out by itself");

  await page.unrouteAll();
  // The next request that gets through ends the banner and sends what waited: nobody presses Retry.
  await expect(site.offlineBanner).toBeHidden();
  await expect(chat.message("Into the void 1.")).toHaveAttribute("data-status", /^(sent|read)$/);
  await expect(chat.message("Into the void 2.")).toHaveAttribute("data-status", /^(sent|read)$/);
  await expect(chat.messageRegion.getByRole("button", { name: "Retry" })).toHaveCount(0);
  const onServer = (await ana.api.messagesWith(ben.id)).map((m) => m.content);
  expect(onServer).toEqual(["Into the void 1.", "Into the void 2."]);
  await page.reload();
  await expect(chat.message("Into the void 1.")).toHaveCount(1);
  await expect(chat.message("Into the void 2.")).toHaveCount(1);
});

test("Enter sends on a laptop (Shift+Enter makes a new line); on a phone Enter makes a new line and Send sends", async ({ newMember, pageFor }, testInfo) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  const page = await pageFor(ana);
  const chat = new ConversationPage(page);
  await chat.goto(ben.id);
  const phone = testInfo.project.name === "mobile";
  expect(await hasCoarsePointer(page)).toBe(phone);

  await chat.composer.pressSequentially("Line one");
  await chat.composer.press(phone ? "Enter" : "Shift+Enter");
  await chat.composer.pressSequentially("line two");
  await expect(chat.composer).toHaveValue("Line one\nline two");
  await expect(chat.messageRegion.getByTestId("message")).toHaveCount(0);
  if (phone) await chat.sendButton.click();
  else await chat.composer.press("Enter");
  await expect(chat.message("Line one")).toContainText("line two");
  await expect(chat.composer).toHaveValue("");
  const onServer = await ana.api.messagesWith(ben.id);
  expect(onServer.map((m) => m.content)).toEqual(["Line one\nline two"]);
  // The hint tells only keyboards about Enter.
  await expect(page.getByText("Enter to send")).toBeVisible({ visible: !phone });
});

test("drafts are kept per conversation across switching and reloading, and shown in the inbox", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  const cleo = await newMember("Cleo");
  await ben.api.send(ana.id, "Hi Ana.");
  await cleo.api.send(ana.id, "Hey!");
  const page = await pageFor(ana);
  const inbox = new InboxPage(page);
  const chat = new ConversationPage(page);
  await chat.goto(ben.id);
  await chat.composer.fill("Half a thought for Ben");

  await inbox.goto();
  await expect(inbox.row("Ben")).toContainText("Draft: Half a thought for Ben");
  await inbox.open("Cleo");
  await expect(chat.composer).toHaveValue("");
  await page.reload();
  if (await chat.backLink.isVisible()) await chat.backLink.click();
  await expect(inbox.row("Ben")).toContainText("Draft: Half a thought for Ben");
  await inbox.open("Ben");
  await expect(chat.composer).toHaveValue("Half a thought for Ben");
  await chat.sendWritten();
  await expect(chat.message("Half a thought for Ben")).toBeVisible();
  await page.reload();
  await expect(chat.composer).toHaveValue("");
});

test("times are drawn on the server in the reader's time zone: nothing changes on hydration", async ({ browser, newMember }, testInfo) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  await history(ben, ana, "Timed line", 3);
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL } = testInfo.project.use;
  const context = await browser.newContext({
    viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL,
    storageState: await ana.request.storageState(),
    timezoneId: "Asia/Kathmandu", // +05:45: no other zone's labels match it by chance
  });
  const page = await context.newPage();
  await SiteChrome.recordLayoutShift(page);
  const chat = new ConversationPage(page);
  await chat.goto(ben.id); // the first visit tells the server the zone
  await expect.poll(async () => (await context.cookies()).some((c) => c.name === "reader-clock")).toBe(true);

  const html = await (await page.request.get(`/messaging/conversation/${ben.id}/`)).text();
  const serverTime = /Timed line 3\.[\s\S]*?<time[^>]*>([^<]+)<\/time>/.exec(html)?.[1];
  const sent = (await ana.api.messagesWith(ben.id)).find((m) => m.content === "Timed line 3.")!;
  const shown = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Kathmandu", hour: "numeric", minute: "2-digit" }).format(new Date(sent.timestamp));
  expect(serverTime?.replace(/\s/g, " ")).toBe(shown.replace(/\s/g, " "));

  await page.reload();
  await expect(chat.message("Timed line 3.")).toBeVisible();
  await expect(chat.message("Timed line 3.").locator("time")).toHaveText(serverTime!);
  await page.waitForTimeout(500);
  expect(await new SiteChrome(page).layoutShift()).toBeLessThan(0.01);
  await context.close();
});

test("phones show only the conversation's own header; laptops keep the site header", async ({ newMember, pageFor }, testInfo) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  await ben.api.send(ana.id, "Hi.");
  const page = await pageFor(ana);
  const site = new SiteChrome(page);
  const chat = new ConversationPage(page);
  await chat.goto(ben.id);
  await expect(page.getByRole("heading", { name: "Ben", level: 2 })).toBeVisible();
  // The type control is a 44 px button, not a quarter of the row.
  expect((await page.locator("#message-type").boundingBox())!.width).toBeLessThanOrEqual(44);
  if (testInfo.project.name === "mobile") {
    await expect(site.siteHeader).toBeHidden();
    await expect(chat.backLink).toBeVisible();
    await chat.backLink.click();
    await expect(page).toHaveURL(/\/messaging\/$/);
    await expect(site.siteHeader).toBeVisible();
  } else {
    await expect(site.siteHeader).toBeVisible();
    await expect(chat.backLink).toBeHidden();
  }
});

test("a long history draws only its newest bubbles at first; scrolling up draws the rest, then reaches the start", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  await history(ben, ana, "From Ben", 24);
  await history(ana, ben, "From Ana", 21);
  await ana.api.markConversationRead(ben.id); // read: it opens at the newest, not at the first unread
  const page = await pageFor(ana);
  const chat = new ConversationPage(page);
  await chat.goto(ben.id);
  await expect(chat.message("From Ana 21.")).toBeInViewport();
  await expect(page.getByTestId("message")).toHaveCount(20);
  await expect(chat.message("From Ben 1.")).toHaveCount(0);

  // The other 25 are already in the page's cache: scrolling up draws them without asking the server.
  const olderPages: string[] = [];
  page.on("request", (r) => r.url().includes("/messaging/api/messages/") && r.url().includes("before=") && olderPages.push(r.url()));
  await expect(async () => {
    await chat.scrollToTop();
    await expect(chat.message("From Ben 1.")).toBeAttached({ timeout: 500 });
  }).toPass();
  await expect(page.getByTestId("message")).toHaveCount(45);
  await expect(page.getByText("This is the start of your conversation with Ben.")).toBeVisible();
  expect(olderPages).toEqual([]);
});
