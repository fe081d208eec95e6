import type { Locator, Page } from "@playwright/test";

/** The inline composer that a card's Message button opens. */
export class ComposerDialog {
  readonly dialog: Locator;
  readonly text: Locator;
  readonly error: Locator;
  readonly sendButton: Locator;

  constructor(page: Page) {
    this.dialog = page.getByRole("dialog");
    this.text = this.dialog.getByLabel("Message", { exact: true });
    this.error = this.dialog.getByRole("alert");
    this.sendButton = this.dialog.getByRole("button", { name: "Send", exact: true });
  }

  async chooseType(label: string) {
    await this.dialog.getByLabel("Message type").selectOption({ label });
  }

  async write(text: string) {
    await this.text.fill(text);
  }

  async send() {
    await this.sendButton.click();
  }
}
