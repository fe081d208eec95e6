import type { Page } from "@playwright/test";
import { expect, test } from "./member-fixtures";
import { AccountSettingsPage } from "./pages/account-settings-page";
import { AuthPages } from "./pages/auth-pages";
import { ConversationPage } from "./pages/conversation-page";
import { E2E_PASSWORD } from "./pages/member-api";

const signedOut = { cookies: [], origins: [] };

test.describe("account settings", () => {
  test("“Sign out of all devices” ends this session and the one on another device", async ({ newMember, pageFor, openSignedInPage }) => {
    const member = await newMember("Roaming Rita");
    const laptop = await pageFor(member);
    const phone = await openSignedInPage(signedOut);
    await new AuthPages(phone).signIn(member.username, E2E_PASSWORD);
    await expect(phone).toHaveURL(/\/messaging\/$/);

    const settings = new AccountSettingsPage(laptop);
    await settings.goto();
    await settings.signOutEverywhere();
    await expect(laptop).toHaveURL(/\/login\/$/);

    await phone.goto("/messaging/");
    await expect(phone).toHaveURL(/\/login\/\?next=%2Fmessaging%2F$/);
    expect((await member.request.get("/messaging/api/unread-count/")).status()).toBe(401);
  });

  test("a password change keeps this device signed in and signs out the others", async ({ newMember, openSignedInPage }) => {
    const member = await newMember("Careful Cass");
    const laptop = await openSignedInPage(signedOut);
    await new AuthPages(laptop).signIn(member.username, E2E_PASSWORD);
    await expect(laptop).toHaveURL(/\/messaging\/$/);
    const settings = new AccountSettingsPage(laptop);
    await settings.goto();
    await settings.changePassword("not-my-password", "a-brand-new-password");
    await expect(laptop.getByText("Your current password is not right.")).toBeVisible();
    await settings.changePassword(E2E_PASSWORD, "a-brand-new-password");
    await expect(laptop.getByText("Password changed. Your other devices are signed out.")).toBeVisible();
    await laptop.goto("/messaging/");
    await expect(laptop).toHaveURL(/\/messaging\/$/);
    // member.request holds the sign-in made at sign-up: another device, now signed out.
    expect((await member.request.get("/messaging/api/unread-count/")).status()).toBe(401);
  });

  test("download your data, then delete the account: the partner keeps the conversation with “Deleted member”", async ({ newMember, pageFor }) => {
    const leaver = await newMember("Leaving Lee");
    const partner = await newMember("Staying Sam");
    await leaver.api.send(partner.id, "goodbye note");
    await partner.api.send(leaver.id, "farewell reply");

    const page = await pageFor(leaver);
    const settings = new AccountSettingsPage(page);
    await settings.goto();
    const data = JSON.parse(await settings.downloadData());
    expect(data.account.username).toBe(leaver.username);
    expect(data.messages.map((m: { direction: string; content: string }) => `${m.direction}:${m.content}`)).toEqual([
      "sent:goodbye note",
      "received:farewell reply",
    ]);

    await settings.deleteAccount("wrong-password");
    await expect(page.getByText("That password is not right; your account was not deleted.")).toBeVisible();
    await settings.deleteAccount(E2E_PASSWORD);
    await expect(page).toHaveURL(/\/login\/$/);

    const auth = new AuthPages(page);
    await auth.signIn(leaver.username, E2E_PASSWORD);
    await expect(page.getByText("That username or email and password do not match.", { exact: false })).toBeVisible();
    expect((await leaver.request.get("/messaging/api/unread-count/")).status()).toBe(401);

    const partnerPage = await pageFor(partner);
    await partnerPage.goto("/messaging/");
    await expect(partnerPage.getByRole("list", { name: "Conversations" }).getByText("Deleted member")).toBeVisible();
    expect((await partnerPage.request.get(`/community/${leaver.username}/`)).status()).toBe(404);
    const sent = await partnerPage.request.post("/messaging/api/send/", {
      data: { receiver_id: leaver.id, content: "still there?" },
      headers: { "X-CSRFToken": (await partnerPage.context().cookies()).find((c) => c.name === "csrftoken")!.value },
    });
    expect(sent.status()).toBe(410);
    expect((await sent.json()).error).toBe("This member has deleted their account.");
  });
});

/** The localStorage keys holding something of member `id` (drafts, and mutes while they live in the browser). */
async function localKeysOf(page: Page, id: number) {
  return page.evaluate((me) => Object.keys(localStorage).filter((k) => k.startsWith(`draft:${me}:`) || k === `alerts:muted:${me}`), id);
}

test.describe("what this browser keeps of a member", () => {
  test("signing out removes the member's drafts and mutes from localStorage, and only theirs", async ({ newMember, pageFor }) => {
    const ana = await newMember("Shared Sam");
    const ben = await newMember("Ben");
    await ben.api.send(ana.id, "Hi.");
    const page = await pageFor(ana);
    const chat = new ConversationPage(page);
    await chat.goto(ben.id);
    await chat.composer.fill("A private half-sentence");
    await chat.muteButton.click();
    // Another member's draft on the same computer, and a browser-wide setting: not Sam's to take away.
    await page.evaluate(() => {
      localStorage.setItem("draft:999999:1", "someone else's");
      localStorage.setItem("alerts:sound", "on");
    });
    await expect.poll(() => localKeysOf(page, ana.id)).toContain(`draft:${ana.id}:${ben.id}`);

    await page.goto("/messaging/"); // phones show the member menu outside the conversation only
    await new AuthPages(page).signOut();
    expect(await localKeysOf(page, ana.id)).toEqual([]);
    expect(await page.evaluate(() => [localStorage.getItem("draft:999999:1"), localStorage.getItem("alerts:sound")])).toEqual([
      "someone else's",
      "on",
    ]);
  });

  test("deleting the account and signing out everywhere remove the member's drafts too", async ({ newMember, pageFor }) => {
    for (const leave of ["deleteAccount", "signOutEverywhere"] as const) {
      const ana = await newMember(leave === "deleteAccount" ? "Leaving Lee" : "Roaming Ron");
      const ben = await newMember("Ben");
      const page = await pageFor(ana);
      const chat = new ConversationPage(page);
      await chat.goto(ben.id);
      await chat.composer.fill("Unsent words");
      await expect.poll(() => localKeysOf(page, ana.id)).toEqual([`draft:${ana.id}:${ben.id}`]);
      const settings = new AccountSettingsPage(page);
      await settings.goto();
      if (leave === "deleteAccount") await settings.deleteAccount(E2E_PASSWORD);
      else await settings.signOutEverywhere();
      await expect(page).toHaveURL(/\/login\/$/);
      expect(await localKeysOf(page, ana.id)).toEqual([]);
    }
  });
});
