import { expect, test } from "./member-fixtures";
import { AccountSettingsPage } from "./pages/account-settings-page";
import { AuthPages } from "./pages/auth-pages";
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
