import type { Locator, Page } from "@playwright/test";

/** Settings › Notifications, on the settings page. */
export class NotificationSettingsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/profile/");
  }

  get section(): Locator {
    return this.page.getByRole("region", { name: "Notifications" });
  }

  get sound(): Locator {
    return this.section.getByRole("switch", { name: /Play a sound/ });
  }

  get browserNotifications(): Locator {
    return this.section.getByRole("switch", { name: /Browser notifications/ });
  }
}
