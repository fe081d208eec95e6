import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { storageStatePath } from "./global-setup";
import { apiGet, apiPost, memberId } from "./member-api";
import { CommunityPage } from "./pages/community-page";
import { ComposerDialog } from "./pages/composer-dialog";
import { ProfileSettingsPage } from "./pages/profile-settings-page";
import { recordToasts, toastsSeen } from "./toast-log";

type MessageJson = { id: number; content: string; message_type: string | null; client_id: string | null };
type ConversationJson = { user: { username: string }; last_message: MessageJson };

const unique = (label: string) => `${label} ${test.info().project.name} ${Date.now().toString(36)}`;
const conversationUrl = (id: number) => new RegExp(`/messaging/conversation/${id}/$`);

/** The conversation page is another team's; where it exists the message shows with its chip. */
async function expectMessageWithChip(page: Page, content: string, chip: string) {
  // exact: the inbox beside the conversation previews it as "You: …".
  await expect(page.getByText(content, { exact: true })).toBeVisible();
  await expect(page.getByText(chip).filter({ visible: true }).first()).toBeVisible();
}

async function screenshot(page: Page, name: string) {
  mkdirSync("e2e/screenshots", { recursive: true });
  const project = test.info().project.name;
  // A phone's full directory is a dozen screens tall: its first screen is what people judge.
  await page.screenshot({ path: `e2e/screenshots/${project}-${name}.png`, fullPage: project === "desktop" });
}

test("alice finds carol by an interest and sends a Coffee Chat from her card; carol sees it", async ({ pageAs }) => {
  const alice = await pageAs("alice");
  await recordToasts(alice);
  const community = new CommunityPage(alice);
  await community.goto();

  const own = community.card("Alice Johnson");
  await expect(own.getByRole("link", { name: "Edit profile" })).toHaveAttribute("href", "/settings/profile/");
  await expect(own.getByRole("button", { name: /^Message/ })).toHaveCount(0);

  await community.interestTag(own, "mentoring").click();
  await expect(alice).toHaveURL(/\/community\/\?interest=mentoring$/);
  await expect(community.cards()).toHaveCount(3); // Alice, Carol and Grace mentor
  const carol = community.card("Carol Chen");
  await expect(carol.getByText("Engineering manager, growing teams")).toBeVisible();
  await expect(carol.getByText("Toronto")).toBeVisible();
  const carolId = await memberId(alice, "carol");
  // Carol wrote to Alice in the demo data, so her card also offers the conversation.
  await expect(community.openConversationLink(carol, "Carol Chen")).toHaveAttribute("href", `/messaging/conversation/${carolId}/`);

  await community.messageButton(carol, "Carol Chen").click();
  const composer = new ComposerDialog(alice);
  await expect(composer.dialog).toBeVisible();
  await expect(composer.text).toBeFocused();
  await composer.chooseType("Coffee Chat");
  const content = unique("Coffee next week? Happy to hear about growing teams.");
  await composer.write(content);
  await composer.send();
  await expect(alice).toHaveURL(conversationUrl(carolId));
  expect(await toastsSeen(alice)).toContain("Coffee Chat request sent to Carol Chen.");
  const { messages } = await apiGet<{ messages: MessageJson[] }>(alice, `/messaging/api/messages/${carolId}/`);
  expect(messages.at(-1)).toMatchObject({ content, message_type: "coffee_chat" });
  await expectMessageWithChip(alice, content, "Coffee Chat request");

  const carolPage = await pageAs("carol");
  const { conversations } = await apiGet<{ conversations: ConversationJson[] }>(carolPage, "/messaging/api/conversations/");
  expect(conversations[0]).toMatchObject({ user: { username: "alice" }, last_message: { content, message_type: "coffee_chat" } });
  await carolPage.goto("/messaging/");
  const row = carolPage.getByRole("link").filter({ hasText: "Alice Johnson" }).first();
  await expect(row.getByText("Coffee Chat request")).toBeVisible();
});

test("the composer keeps the text when sending fails, and retries with the same client id", async ({ pageAs }) => {
  const alice = await pageAs("alice");
  const community = new CommunityPage(alice);
  await community.goto();
  await community.search("bob");
  const bob = community.card("Bob Martinez");
  await community.messageButton(bob, "Bob Martinez").click();
  const composer = new ComposerDialog(alice);
  const sentIdempotencyKeys: string[] = [];
  alice.on("request", (request) => {
    if (request.url().endsWith("/messaging/api/send/")) sentIdempotencyKeys.push(request.postDataJSON().client_id);
  });

  // As in the conversation's composer: too long cannot be sent, and the counter says why.
  const tooLong = "x".repeat(5001);
  await composer.write(tooLong);
  await expect(composer.dialog.getByText("5,001 / 5,000")).toBeVisible();
  await expect(composer.sendButton).toBeDisabled();
  await expect(composer.text).toHaveValue(tooLong);

  // Escape closes the dialog and gives focus back; the draft is still there on reopening.
  await alice.keyboard.press("Escape");
  await expect(composer.dialog).toBeHidden();
  await expect(community.messageButton(bob, "Bob Martinez")).toBeFocused();
  await community.messageButton(bob, "Bob Martinez").click();
  await expect(composer.text).toHaveValue(tooLong);

  await alice.route("**/messaging/api/send/", (route) =>
    route.fulfill({
      status: 429,
      headers: { "Retry-After": "7" },
      json: { success: false, error: "You're sending messages too quickly. Wait 7 seconds and try again." },
    }),
  );
  const content = unique("Shall we pair on the queue benchmark?");
  await composer.write(content);
  await composer.send();
  await expect(composer.error).toHaveText("You're sending messages too quickly. Wait 7 seconds and try again.");
  await expect(composer.text).toHaveValue(content);

  await alice.unroute("**/messaging/api/send/");
  await composer.send();
  const bobId = await memberId(alice, "bob");
  await expect(alice).toHaveURL(conversationUrl(bobId));
  expect(sentIdempotencyKeys).toHaveLength(2); // the too-long text never left the browser
  expect(new Set(sentIdempotencyKeys).size).toBe(1);
  const { messages } = await apiGet<{ messages: MessageJson[] }>(alice, `/messaging/api/messages/${bobId}/`);
  expect(messages.filter((m) => m.content === content)).toEqual([
    expect.objectContaining({ client_id: sentIdempotencyKeys[0], message_type: "general" }),
  ]);
});

test("editing a profile shows the change on the card, with errors beside the fields", async ({ pageAs }) => {
  const bob = await pageAs("bob");
  const settings = new ProfileSettingsPage(bob);
  await settings.goto();
  const original = {
    name: await settings.field("Name").inputValue(),
    headline: await settings.field("Headline").inputValue(),
    location: await settings.field("Location").inputValue(),
    bio: await settings.field("Bio").inputValue(),
    interests: await settings.field("Interests").inputValue(),
  };
  try {
    await settings.fill({ Name: " ", Headline: "h".repeat(161) });
    await settings.save();
    await expect(bob.getByText("Tell people your name.")).toBeVisible();
    await expect(bob.getByText("Headlines are at most 160 characters.")).toBeVisible();
    await expect(settings.field("Headline")).toHaveAttribute("aria-invalid", "true");

    const headline = unique("Postgres internals and queue design");
    await settings.fill({ Name: "Bob Martinez", Headline: headline, Location: "Valencia", Interests: "databases, Queues, queues, baking" });
    await expect(bob.getByRole("list", { name: "Interests preview" }).getByRole("listitem")).toHaveText(["databases", "Queues", "baking"]);
    await settings.save();
    await expect(bob.getByText("Profile saved.")).toBeVisible();

    const community = new CommunityPage(bob);
    await community.goto("?q=bob");
    const card = community.card("Bob Martinez");
    await expect(card.getByText(headline)).toBeVisible();
    await expect(card.getByText("Valencia")).toBeVisible();
    await expect(community.interestTag(card, "Queues")).toBeVisible();
    await expect(card.getByRole("link", { name: "Edit profile" })).toBeVisible();
  } finally {
    // Other suites share the demo database: put Bob back as he was.
    const restored = await apiPost(bob, "/api/account/profile/", original);
    expect(restored.status()).toBe(200);
  }
});

test("a profile page shows the member and the way to reach them; unknown members are a 404", async ({ pageAs }) => {
  const alice = await pageAs("alice");
  await alice.goto("/community/carol/");
  await expect(alice.getByRole("heading", { level: 1, name: "Carol Chen" })).toBeVisible();
  await expect(alice.getByText("Ask me about first-time management.")).toBeVisible();
  await expect(alice.getByRole("button", { name: "Message Carol Chen" })).toBeVisible();
  await expect(alice.getByRole("link", { name: "Open conversation with Carol Chen" })).toBeVisible();
  await screenshot(alice, "profile");

  await alice.getByRole("button", { name: "Message Carol Chen" }).click();
  await expect(new ComposerDialog(alice).dialog).toBeVisible();
  await screenshot(alice, "composer");
  await alice.keyboard.press("Escape");

  await alice.goto("/community/alice/");
  await expect(alice.getByRole("link", { name: "Edit profile" })).toBeVisible();

  const missing = await alice.goto("/community/no-such-member/");
  expect(missing?.status()).toBe(404);
  await expect(alice.getByRole("heading", { name: "No such member" })).toBeVisible();
});

test("the directory searches, filters and links to conversations without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: storageStatePath("alice") });
  const page = await context.newPage();
  const community = new CommunityPage(page);
  await community.goto();
  await community.search("LEADER");
  await expect(page).toHaveURL(/\/community\/\?q=LEADER$/);
  await expect(community.cards()).toHaveCount(1);
  const carol = community.card("Carol Chen");
  const carolId = await memberId(page, "carol");
  await expect(carol.getByRole("link", { name: "Message Carol Chen" })).toHaveAttribute("href", `/messaging/conversation/${carolId}/`);

  await community.interestTag(carol, "hiring").click();
  await expect(page).toHaveURL(/\/community\/\?interest=hiring$/);
  await expect(community.cards()).toHaveCount(1);
  await page.getByRole("link", { name: "hiring (remove the interest filter)" }).click();
  await expect(page).toHaveURL(/\/community\/$/);
  expect(await community.cards().count()).toBeGreaterThan(3);
  await context.close();
});

test("the directory has no serious accessibility problems", async ({ pageAs }) => {
  const alice = await pageAs("alice");
  await alice.goto("/community/");
  await expect(alice.getByRole("article").first()).toBeVisible();
  await screenshot(alice, "community");
  for (const path of ["/community/", "/community/carol/", "/settings/profile/"]) {
    await alice.goto(path);
    const { violations } = await new AxeBuilder({ page: alice }).analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${path}: ${v.id} (${v.nodes.length})`)).toEqual([]);
  }
});

test("the directory streams behind its skeleton (loading.tsx) yet answers a no-JS visitor, a 404 and a signed-out visitor properly", async ({ browser, baseURL, pageAs }) => {
  // Without JavaScript the skeleton is hidden and the streamed directory shown where the page goes.
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: storageStatePath("alice") });
  const page = await context.newPage();
  const answer = await page.goto("/community/");
  expect(answer?.status()).toBe(200);
  expect(await page.content()).toContain('data-testid="directory-skeleton"'); // it is streamed, not skipped
  await expect(page.getByTestId("directory-skeleton")).toBeHidden();
  await expect(page.getByRole("heading", { name: "Community", level: 1 })).toBeVisible();
  const heading = (await page.getByRole("heading", { name: "Community", level: 1 }).boundingBox())!;
  const header = (await page.locator("#site-header").boundingBox())!;
  expect(heading.y - (header.y + header.height)).toBeLessThan(80); // right under the header, not below an empty screen
  await expect(page.getByRole("article").first()).toBeInViewport();
  await context.close();

  // Unknown members stay a 404 (their page is outside the streaming boundary).
  const alice = await pageAs("alice");
  expect((await alice.goto("/community/no-such-member/"))?.status()).toBe(404);
  await expect(alice.getByRole("heading", { name: "No such member" })).toBeVisible();

  // A signed-out visitor is redirected before anything streams, and brought back to the same search.
  const signedOut = await browser.newContext({ baseURL });
  const redirect = await signedOut.request.get("/community/?q=carol", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers().location).toBe("/login/?next=%2Fcommunity%2F%3Fq%3Dcarol");
  await signedOut.close();
});
