import type { Locator, Page } from "@playwright/test";
import { hasCoarsePointer } from "../support/pointer";

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

  /** Sends as the device would: Enter on a laptop, the Send button on a phone (where Enter makes a new line). */
  async sendWritten() {
    if (await hasCoarsePointer(this.text.page())) await this.send();
    else await this.text.press("Enter");
  }
}
