import { expect, type Locator, type Page } from "@playwright/test";

/** /messaging/: the list of conversations and the header's unread badge. */
export class InboxPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/messaging/");
    await expect(this.page.getByRole("heading", { name: "Messages", level: 1 })).toBeVisible();
  }

  get conversations(): Locator {
    return this.page.getByRole("list", { name: "Conversations" });
  }

  row(partnerName: string): Locator {
    return this.conversations.getByTestId("conversation-row").filter({ hasText: partnerName });
  }

  /** The number in the header's unread badge (0 when it is hidden). */
  async badgeCount(): Promise<number> {
    const badge = this.page.getByTestId("unread-badge");
    if ((await badge.count()) === 0) return 0;
    return Number((await badge.textContent())?.match(/\d+/)?.[0] ?? 0);
  }

  async open(partnerName: string) {
    await this.row(partnerName).click();
    await expect(this.page).toHaveURL(/\/messaging\/conversation\/\d+\/$/);
  }

  async startNewMessage(search: string, personName: string) {
    await this.page.getByRole("button", { name: "New message" }).first().click();
    await this.page.getByRole("searchbox", { name: "Search people" }).fill(search);
    await this.page.getByRole("list", { name: "People" }).getByRole("link", { name: new RegExp(personName) }).click();
  }
}
