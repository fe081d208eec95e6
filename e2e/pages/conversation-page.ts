import { expect, type Locator, type Page } from "@playwright/test";
import { hasCoarsePointer } from "../support/pointer";

/** /messaging/conversation/<id>/: the messages with one partner and the composer. */
export class ConversationPage {
  constructor(readonly page: Page) {}

  async goto(partnerId: number) {
    await this.page.goto(`/messaging/conversation/${partnerId}/`);
    await expect(this.composer).toBeVisible();
    await expect(this.page.locator("html[data-hydrated=true]")).toBeAttached();
    // The conversation streams in after the page's frame: its composer hydrates on its own.
    await expect(this.page.locator("form[data-hydrated=true]").filter({ has: this.composer })).toBeAttached();
  }

  get composer(): Locator {
    return this.page.getByRole("textbox", { name: /^Message to / });
  }

  get messageRegion(): Locator {
    return this.page.getByRole("region", { name: /^Messages with / });
  }

  /** Every bubble whose text contains `text` (tests use unique texts, so normally one). */
  message(text: string): Locator {
    return this.messageRegion.getByTestId("message").filter({ hasText: text });
  }

  get unreadDivider(): Locator {
    return this.messageRegion.getByTestId("unread-divider");
  }

  /** "↓ New message" / "↓ 3 new messages" while scrolled up. */
  get newMessagesPill(): Locator {
    return this.page.getByTestId("new-messages-pill");
  }

  get muteButton(): Locator {
    return this.page.getByRole("button", { name: /^Mute notifications from / });
  }

  get typeSelect(): Locator {
    return this.page.getByRole("combobox", { name: "Message type" });
  }

  get backLink(): Locator {
    return this.page.getByRole("link", { name: "Back to messages" });
  }

  get sendButton(): Locator {
    return this.page.getByRole("button", { name: "Send", exact: true });
  }

  async send(text: string) {
    await this.composer.fill(text);
    await this.sendWritten();
  }

  /** Sends what the composer holds as the device would: Enter on a laptop, the Send button on a phone. */
  async sendWritten() {
    if (await hasCoarsePointer(this.page)) await this.sendButton.click();
    else await this.composer.press("Enter");
  }

  async retry(text: string) {
    await this.message(text).getByRole("button", { name: "Retry" }).click();
  }

  /** Scrolls to the oldest loaded message (the list is bottom-anchored: scrollTop runs negative). */
  async scrollToTop() {
    await this.messageRegion.evaluate((el) => el.scrollTo({ top: -el.scrollHeight }));
  }

  /** Where a message sits inside the scrolling list, in pixels from its top edge. */
  async offsetInView(text: string): Promise<number> {
    const region = await this.messageRegion.boundingBox();
    const bubble = await this.message(text).boundingBox();
    if (!region || !bubble) throw new Error(`"${text}" is not on screen`);
    return bubble.y - region.y;
  }
}
