import type { Page } from "@playwright/test";

type ProfileValues = Partial<Record<"Name" | "Headline" | "Location" | "Bio" | "Interests", string>>;

/** /settings/profile/: the signed-in member's own profile form. */
export class ProfileSettingsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/profile/");
  }

  field(label: keyof ProfileValues) {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(values: ProfileValues) {
    for (const [label, value] of Object.entries(values)) await this.field(label as keyof ProfileValues).fill(value);
  }

  async save() {
    await this.page.getByRole("button", { name: "Save profile" }).click();
  }
}
