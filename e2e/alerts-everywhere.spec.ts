import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./member-fixtures";
import { ConversationPage } from "./pages/conversation-page";
import { SiteChrome } from "./pages/site-chrome";

/** Opens a page and waits for its live event stream (a message sent earlier would not be pushed to it). */
async function openLive(page: Page, path: string) {
  const stream = page.waitForResponse((r) => r.url().includes("/messaging/api/events/") && r.status() === 200);
  await page.goto(path);
  await stream;
}

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.nodes.length})`);
}

test("a new message is announced on the directory too: a toast with the sender and preview opens the conversation", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  const page = await pageFor(ana);
  const site = new SiteChrome(page);
  await openLive(page, "/community/");

  await ben.api.send(ana.id, "Lunch at one?");
  const toast = site.toast("Lunch at one?");
  await expect(toast).toContainText("Ben");
  await expect(toast).toHaveAttribute("href", `/messaging/conversation/${ben.id}/`);
  // A burst from one person collapses into one toast showing the latest.
  await ben.api.send(ana.id, "Or at two.");
  await expect(site.toasts).toHaveCount(1);
  await expect(site.toasts).toContainText("Or at two.");
  await expect(site.toasts).toContainText("×2");
  expect(await seriousViolations(page)).toEqual([]);
  // (A toast lives 5 s: on a busy machine the scan may outlast it, so the one clicked is a fresh message's.)
  await ben.api.send(ana.id, "Or at three.");
  await site.toast("Or at three.").click();
  await expect(page).toHaveURL(new RegExp(`/messaging/conversation/${ben.id}/$`));
  await expect(new ConversationPage(page).message("Or at three.")).toBeVisible();
});

test("on settings and profile pages too; a muted conversation brings no toast", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  const cleo = await newMember("Cleo");
  await ben.api.send(ana.id, "Hello from Ben.");
  const page = await pageFor(ana);
  const site = new SiteChrome(page);
  const chat = new ConversationPage(page);
  await chat.goto(ben.id);
  await chat.muteButton.click();
  await expect(chat.muteButton).toHaveAttribute("aria-pressed", "true");

  await openLive(page, "/settings/profile/");
  await ben.api.send(ana.id, "A muted message.");
  await cleo.api.send(ana.id, "Cleo is not muted.");
  await expect(site.toast("Cleo is not muted.")).toContainText("Cleo");
  await expect(site.toast("A muted message.")).toHaveCount(0);

  await openLive(page, `/community/${cleo.username}/`);
  await cleo.api.send(ana.id, "Seen on my profile card?");
  await expect(site.toast("Seen on my profile card?")).toBeVisible();
  await ben.api.send(ana.id, "Still muted.");
  await cleo.api.send(ana.id, "One more from Cleo.");
  await expect(site.toast("One more from Cleo.")).toBeVisible();
  await expect(site.toast("Still muted.")).toHaveCount(0);
});

test("no toast for the conversation that is open", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  const cleo = await newMember("Cleo");
  await ben.api.send(ana.id, "Hi.");
  const page = await pageFor(ana);
  const site = new SiteChrome(page);
  const chat = new ConversationPage(page);
  const stream = page.waitForResponse((r) => r.url().includes("/messaging/api/events/") && r.status() === 200);
  await chat.goto(ben.id);
  await stream;
  await ben.api.send(ana.id, "In the open conversation.");
  await expect(chat.message("In the open conversation.")).toBeVisible();
  await cleo.api.send(ana.id, "From elsewhere.");
  await expect(site.toast("From elsewhere.")).toBeVisible();
  await expect(site.toast("In the open conversation.")).toHaveCount(0);
});

type Recorded = { notifications: { title: string; body: string; tag: string }[]; tones: number; open(index: number): void; hide(hidden: boolean): void };

/**
 * A browser whose notifications are allowed, with sound and notifications turned on in the settings,
 * recording what the page shows and plays (Chromium cannot show a real notification or play sound here),
 * and whose tab can be sent to the background.
 */
async function recordAlerts(page: Page) {
  await page.addInitScript(() => {
    localStorage.setItem("alerts:sound", "on");
    localStorage.setItem("alerts:notifications", "on");
    const shown: (Notification & { title: string; body: string; tag: string })[] = [];
    let hidden = false;
    class RecordedNotification extends EventTarget {
      static permission = "granted";
      static requestPermission = async () => "granted";
      onclick: (() => void) | null = null;
      constructor(
        readonly title: string,
        options: { body?: string; tag?: string } = {},
      ) {
        super();
        Object.assign(this, { body: options.body ?? "", tag: options.tag ?? "" });
        shown.push(this as never);
      }
      close() {}
    }
    class RecordedAudio {
      state = "running";
      currentTime = 0;
      destination = {};
      resume() {}
      createOscillator = () => ({ type: "", frequency: { value: 0 }, connect: (n: unknown) => n, start: () => recorded.tones++, stop() {} });
      createGain = () => ({ gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (n: unknown) => n });
    }
    const recorded = {
      tones: 0,
      get notifications() {
        return shown.map(({ title, body, tag }) => ({ title, body, tag }));
      },
      open: (index: number) => (shown[index] as unknown as { onclick?: () => void }).onclick?.(),
      hide(value: boolean) {
        hidden = value;
        document.dispatchEvent(new Event("visibilitychange"));
      },
    };
    Object.assign(window, { Notification: RecordedNotification, AudioContext: RecordedAudio, __alerts: recorded });
    Object.defineProperty(document, "visibilityState", { get: () => (hidden ? "hidden" : "visible") });
  });
  const read = () => page.evaluate(() => {
    const r = (window as unknown as { __alerts: Recorded }).__alerts;
    return { notifications: r.notifications, tones: r.tones };
  });
  const hide = (hidden: boolean) => page.evaluate((h) => (window as unknown as { __alerts: Recorded }).__alerts.hide(h), hidden);
  const open = (index: number) => page.evaluate((i) => (window as unknown as { __alerts: Recorded }).__alerts.open(i), index);
  return { read, hide, open };
}

test("in the background, a message shows a browser notification and plays the sound; muted, neither", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  const cleo = await newMember("Cleo");
  await ana.api.setMuted(cleo.id, true);
  const page = await pageFor(ana);
  const alerts = await recordAlerts(page);
  await openLive(page, "/community/");

  // In the foreground: a toast and the sound, no notification.
  await ben.api.send(ana.id, "Are you around?");
  await expect(new SiteChrome(page).toast("Are you around?")).toBeVisible();
  await expect.poll(async () => (await alerts.read()).tones).toBeGreaterThan(0);
  expect((await alerts.read()).notifications).toEqual([]);

  // In the background: a notification with the sender and the text; a muted conversation brings none.
  await alerts.hide(true);
  await cleo.api.send(ana.id, "Muted news.");
  await ben.api.send(ana.id, "Dinner at eight?");
  await expect.poll(async () => (await alerts.read()).notifications).toEqual([
    { title: "Ben", body: "Dinner at eight?", tag: `conversation-${ben.id}` },
  ]);
  // Clicking it opens the conversation.
  await alerts.hide(false);
  await alerts.open(0);
  await expect(page).toHaveURL(new RegExp(`/messaging/conversation/${ben.id}/$`));
  await expect(new ConversationPage(page).message("Dinner at eight?")).toBeVisible();
});
