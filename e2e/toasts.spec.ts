import type { Page } from "@playwright/test";
import { expect, test } from "./member-fixtures";
import { ConversationPage } from "./pages/conversation-page";
import { InboxPage } from "./pages/inbox-page";
import { SiteChrome } from "./pages/site-chrome";

/** Opens a conversation and waits for the live event stream, so that a message from someone else is announced. */
async function openConversationLive(page: Page, partnerId: number) {
  const stream = page.waitForResponse((r) => r.url().includes("/messaging/api/events/") && r.status() === 200);
  await new ConversationPage(page).goto(partnerId);
  await stream;
}

test("a toast has a Dismiss button that takes it away at once, uncovering the conversation header", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  const cleo = await newMember("Cleo");
  await ben.api.send(ana.id, "Hi Ana.");
  const page = await pageFor(ana);
  const site = new SiteChrome(page);
  const chat = new ConversationPage(page);
  await openConversationLive(page, ben.id);

  await cleo.api.send(ana.id, "Are you coming tonight?");
  await expect(site.toast("Are you coming tonight?")).toBeVisible();
  await site.dismissButton("Are you coming tonight?").click();
  await expect(site.toasts).toHaveCount(0);

  // On a phone the toast sat over the header; with it gone the back link answers the first tap.
  if (await chat.backLink.isVisible()) {
    await chat.backLink.click();
    await expect(new InboxPage(page).row("Cleo")).toBeVisible();
  }
});

test("a toast hides by itself after a few seconds", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  const page = await pageFor(ana);
  const site = new SiteChrome(page);
  const cleo = await newMember("Cleo");
  await openConversationLive(page, ben.id);
  await cleo.api.send(ana.id, "Brief notice.");
  await expect(site.toast("Brief notice.")).toBeVisible();
  await expect(site.toast("Brief notice.")).toBeHidden({ timeout: 8_000 });
});

test("on a phone a toast can be swiped up out of the way", async ({ newMember, pageFor }, testInfo) => {
  test.skip(!testInfo.project.use.hasTouch, "touch only");
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  const cleo = await newMember("Cleo");
  const page = await pageFor(ana);
  const site = new SiteChrome(page);
  await openConversationLive(page, ben.id);

  await cleo.api.send(ana.id, "Swipe me away.");
  await expect(site.toast("Swipe me away.")).toBeVisible();
  await site.swipeUp("Swipe me away.");
  // Well before the 5 s it would take by itself.
  await expect(site.toast("Swipe me away.")).toBeHidden({ timeout: 1_500 });
  await expect(page).toHaveURL(new RegExp(`/messaging/conversation/${ben.id}/$`));
});
