import type { Page } from "@playwright/test";

/** /settings/account/: password, devices, the data download and account deletion. */
export class AccountSettingsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/account/");
  }

  async signOutEverywhere() {
    await this.page.getByRole("button", { name: "Sign out of all devices" }).click();
  }

  async downloadData(): Promise<string> {
    const download = this.page.waitForEvent("download");
    await this.page.getByRole("link", { name: "Download my data" }).click();
    const { readFile } = await import("node:fs/promises");
    return readFile((await (await download).path())!, "utf8");
  }

  async deleteAccount(password: string) {
    await this.page.getByLabel("Password to confirm").fill(password);
    await this.page.getByRole("button", { name: "Delete my account" }).click();
  }

  async changePassword(current: string, next: string) {
    await this.page.getByLabel("Current password").fill(current);
    await this.page.getByLabel("New password").fill(next);
    await this.page.getByRole("button", { name: "Change password" }).click();
  }
}
