import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./member-fixtures";
import { AuthPages } from "./pages/auth-pages";
import { CommunityPage } from "./pages/community-page";
import { ComposerDialog } from "./pages/composer-dialog";
import { ConversationPage } from "./pages/conversation-page";
import { NotificationSettingsPage } from "./pages/notification-settings";

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
}

test("unknown pages get the branded 404 with a way back; no console errors (favicon included)", async ({ pageAs }) => {
  const page = await pageAs("alice");
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const answer = await page.goto("/no-such-page/");
  expect(answer?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page doesn’t exist" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Go to your messages" }).click();
  await expect(page).toHaveURL(/\/messaging\/$/);
  errors.length = 0; // the 404 page's own status is logged as a failed resource
  await page.goto("/login/");
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});

test("the site installs: a manifest, an SVG icon and PNG icons", async ({ request }) => {
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ name: "Community Messages", display: "standalone", theme_color: "#047857", start_url: "/messaging/" });
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const answer = await request.get(icon.src);
    expect(answer.status(), icon.src).toBe(200);
    expect(answer.headers()["content-type"]).toContain(icon.type);
  }
  const apple = await request.get("/apple-icon");
  expect(apple.headers()["content-type"]).toContain("image/png");
  const login = await (await request.get("/login/")).text();
  expect(login).toMatch(/<link rel="icon" href="\/icon\.svg/);
  expect(login).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"/);
});

test("the avatar opens the member menu with settings and Sign out", async ({ pageAs }) => {
  const page = await pageAs("carol");
  const auth = new AuthPages(page);
  await page.goto("/community/");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await auth.openMemberMenu();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await auth.openMemberMenu();
  await page.getByRole("link", { name: "Profile and settings" }).click();
  await expect(page).toHaveURL(/\/settings\/profile\/$/);
});

test("notifications are asked for from the settings toggle, never on page load", async ({ pageAs }) => {
  const page = await pageAs("bob");
  await page.addInitScript(() => {
    const asked = { count: 0 };
    (window as unknown as { __asked: typeof asked }).__asked = asked;
    Notification.requestPermission = async () => {
      asked.count++;
      return "granted";
    };
  });
  const settings = new NotificationSettingsPage(page);
  await settings.goto();
  await page.goto("/messaging/");
  await settings.goto();
  expect(await page.evaluate(() => (window as unknown as { __asked: { count: number } }).__asked.count)).toBe(0);
  await expect(settings.browserNotifications).not.toBeChecked();
  await settings.browserNotifications.check();
  expect(await page.evaluate(() => (window as unknown as { __asked: { count: number } }).__asked.count)).toBe(1);
  await settings.sound.check();
  await page.reload();
  await expect(settings.browserNotifications).toBeChecked();
  await expect(settings.sound).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);
  await settings.sound.uncheck();
  await settings.browserNotifications.uncheck();
});

test("the card's composer behaves like the conversation's: Enter sends on a laptop (Send on a phone), Shift+Enter adds a line, focus goes on", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben Card");
  const page = await pageFor(ana);
  const community = new CommunityPage(page);
  await community.goto(`?q=${ben.username}`);
  await community.messageButton(community.card("Ben Card"), "Ben Card").click();
  const dialog = new ComposerDialog(page);
  await expect(dialog.text).toBeFocused();
  await expect(dialog.sendButton).toBeDisabled();
  await dialog.text.pressSequentially("Line one");
  await dialog.text.press("Shift+Enter");
  await dialog.text.pressSequentially("line two");
  await expect(dialog.text).toHaveValue("Line one\nline two");
  await dialog.sendWritten();
  await expect(page).toHaveURL(new RegExp(`/messaging/conversation/${ben.id}/$`));
  const chat = new ConversationPage(page);
  await expect(chat.message("Line one")).toBeVisible();
  await expect(chat.composer).toBeFocused();
});

test("opening a conversation on a slow link shows a skeleton at once", async ({ newMember, pageFor }) => {
  const ana = await newMember("Ana");
  const ben = await newMember("Ben");
  await ben.api.send(ana.id, "Hello Ana.");
  const page = await pageFor(ana);
  await page.goto("/messaging/");
  // The first row's link prefetches the skeleton (loading.tsx) as it comes into view.
  const row = page.getByTestId("conversation-row").first();
  const href = (await row.getAttribute("href"))!;
  // Two requests: the route's tree, then its segments (the skeleton among them).
  const prefetches = () =>
    page.evaluate((path) => performance.getEntriesByType("resource").filter((e) => new URL(e.name).pathname === path).length, href);
  await expect.poll(prefetches).toBeGreaterThanOrEqual(2);
  // Holds the server's answer for the page (not the prefetch of its skeleton) back for 3 s.
  await page.route("**/messaging/conversation/**", async (route) => {
    if (!route.request().headers()["next-router-prefetch"]) await new Promise((resolve) => setTimeout(resolve, 3_000));
    await route.continue();
  });
  await row.click();
  await expect(page.getByTestId("conversation-skeleton")).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Message to / })).toBeVisible({ timeout: 15_000 });
});

test("screenshots of the changed screens, light and dark", async ({ pageAs }, testInfo) => {
  mkdirSync("e2e/screenshots", { recursive: true });
  const page = await pageAs("alice");
  if (testInfo.project.name === "desktop") await page.setViewportSize({ width: 1280, height: 800 });
  const shot = async (name: string) => {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `e2e/screenshots/ux-${testInfo.project.name}-${name}-${colorScheme}.png` });
    }
  };
  await page.goto("/messaging/");
  await shot("inbox");
  await page.getByTestId("conversation-row").first().click();
  await expect(page.getByRole("textbox", { name: /^Message to / })).toBeVisible();
  await page.getByRole("combobox", { name: "Message type" }).selectOption({ label: "Mentorship" });
  await shot("conversation");
  await page.goto("/community/");
  await new AuthPages(page).openMemberMenu();
  await shot("member-menu");
  await page.keyboard.press("Escape");
  await page.goto("/settings/profile/");
  await page.getByRole("heading", { name: "Notifications" }).scrollIntoViewIfNeeded();
  await shot("settings");
  await page.goto("/nowhere/");
  await shot("not-found");
  await page.goto("/messaging/");
  await page.getByTestId("conversation-row").first().click();
  await page.context().setOffline(true);
  await expect(page.getByTestId("offline-banner")).toBeVisible();
  await shot("offline");
  await page.context().setOffline(false);
});

test("the header's Community link shows the directory's skeleton (loading.tsx) while it loads", async ({ pageAs }) => {
  const page = await pageAs("alice");
  await page.goto("/messaging/");
  // The header's link prefetches the skeleton as it comes into view: the route's tree, then its segments.
  const prefetches = () =>
    page.evaluate(() => performance.getEntriesByType("resource").filter((e) => new URL(e.name).pathname === "/community/").length);
  await expect.poll(prefetches).toBeGreaterThanOrEqual(2);
  await page.route("**/community/**", async (route) => {
    if (!route.request().headers()["next-router-prefetch"]) await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  // By its address: the logo link is also named "Community".
  await page.locator('#site-header a[href="/community/"]').click();
  await expect(page.getByTestId("directory-skeleton")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Community", level: 1 })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("directory-skeleton")).toHaveCount(0);
});
