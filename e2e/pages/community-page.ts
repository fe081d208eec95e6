import type { Locator, Page } from "@playwright/test";

/** The member directory at /community/. */
export class CommunityPage {
  constructor(readonly page: Page) {}

  async goto(search = "") {
    await this.page.goto(`/community/${search}`);
  }

  async search(text: string) {
    await this.page.getByRole("searchbox", { name: "Search members" }).fill(text);
    await this.page.getByRole("button", { name: "Search", exact: true }).click();
  }

  /** A member's card, by the name on it. */
  card(name: string): Locator {
    return this.page.getByRole("article", { name });
  }

  cards(): Locator {
    return this.page.getByRole("article");
  }

  /** The interest tag on a card that filters the directory to that interest. */
  interestTag(card: Locator, interest: string): Locator {
    return card.getByRole("link", { name: `Members interested in ${interest}`, exact: true });
  }

  messageButton(card: Locator, name: string): Locator {
    return card.getByRole("button", { name: `Message ${name}`, exact: true });
  }

  openConversationLink(card: Locator, name: string): Locator {
    return card.getByRole("link", { name: `Open conversation with ${name}`, exact: true });
  }
}
