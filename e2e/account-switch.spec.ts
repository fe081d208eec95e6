import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AuthPages } from "./pages/auth-pages";

// Records, in the tab's sessionStorage, every inbox row and unread badge text the page ever shows,
// tagged with the phase the test is in: a flash of the previous member's data is caught too.
const recordWhatIsShown = () => {
  const remember = () => {
    const phase = sessionStorage.getItem("phase") ?? "none";
    const seen = JSON.parse(sessionStorage.getItem("seen") ?? "{}") as Record<string, string[]>;
    const texts = Array.from(document.querySelectorAll('[data-testid="conversation-row"]'), (row) => row.textContent ?? "");
    seen[phase] = Array.from(new Set([...(seen[phase] ?? []), ...texts]));
    sessionStorage.setItem("seen", JSON.stringify(seen));
  };
  new MutationObserver(remember).observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener("DOMContentLoaded", remember);
};

/** What the recorder saw in a tab: Alice's rows while she was signed in, Dave's and none of hers once he was. */
async function expectAlicesRowsOnlyWhileHers(tab: Page) {
  const seen = await tab.evaluate(() => JSON.parse(sessionStorage.getItem("seen") ?? "{}") as Record<string, string[]>);
  expect(seen.alice?.join(" ")).toContain("Bob Martinez");
  const shownToDave = (seen.dave ?? []).join(" ");
  expect(shownToDave).toContain("Erin O'Neill");
  for (const alicesPartner of ["Bob Martinez", "Carol Chen"]) expect(shownToDave).not.toContain(alicesPartner);
}

test("the next member to sign in in a tab never sees the previous member's inbox", async ({ page }) => {
  await page.addInitScript(recordWhatIsShown);
  const auth = new AuthPages(page);
  await page.goto("/login/");
  await page.evaluate(() => sessionStorage.setItem("phase", "alice"));
  await auth.signIn("alice", "demo-password");
  await expect(page).toHaveURL(/\/messaging\/$/);
  const inbox = page.getByRole("list", { name: "Conversations" });
  await expect(inbox.getByText("Bob Martinez").first()).toBeVisible();

  await auth.signOut();
  await page.evaluate(() => sessionStorage.setItem("phase", "dave"));
  await auth.signIn("dave", "demo-password");
  await expect(page).toHaveURL(/\/messaging\/$/);
  await expect(inbox.getByText("Erin O'Neill").first()).toBeVisible();
  // Long enough for a cached query to have refetched and painted over the old data, had there been any.
  await page.waitForTimeout(1_500);

  await expectAlicesRowsOnlyWhileHers(page);
  for (const alicesMessage of ["Grabbing you a flat white.", "mentor someone on your team"]) {
    await expect(page.getByText(alicesMessage)).toHaveCount(0);
  }
});

test("signing out in one tab takes the member's other tabs with it; the next member's data never reaches them", async ({ context, page }) => {
  const auth = new AuthPages(page);
  await page.goto("/login/");
  await auth.signIn("alice", "demo-password");
  await expect(page).toHaveURL(/\/messaging\/$/);

  const other = await context.newPage();
  await other.addInitScript(recordWhatIsShown);
  await other.goto("/messaging/");
  await other.evaluate(() => sessionStorage.setItem("phase", "alice"));
  const otherInbox = other.getByRole("list", { name: "Conversations" });
  await expect(otherInbox.getByText("Bob Martinez").first()).toBeVisible();
  await expect(other.locator("html[data-hydrated]")).toBeAttached();

  // Alice signs out in the first tab: the second, still showing her inbox, follows by itself.
  await auth.signOut();
  await expect(other).toHaveURL(/\/login\//);
  await other.evaluate(() => sessionStorage.setItem("phase", "dave"));

  // Dave signs in in the first tab: the second is drawn again for him.
  await auth.signIn("dave", "demo-password");
  await expect(page).toHaveURL(/\/messaging\/$/);
  await expect(other).toHaveURL(/\/messaging\/$/);
  await expect(otherInbox.getByText("Erin O'Neill").first()).toBeVisible();
  await other.waitForTimeout(1_500);

  await expectAlicesRowsOnlyWhileHers(other);
});
