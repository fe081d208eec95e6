import { expect, type Page } from "@playwright/test";

/** The sign-in and sign-up screens as a person uses them. */
export class AuthPages {
  constructor(private readonly page: Page) {}

  async signUp(fields: { name: string; username: string; email: string; password: string }) {
    await this.page.goto("/signup/");
    await this.page.getByLabel("Name", { exact: true }).fill(fields.name);
    await this.page.getByLabel("Username", { exact: true }).fill(fields.username);
    await this.page.getByLabel("Email", { exact: true }).fill(fields.email);
    await this.page.getByLabel("Password", { exact: true }).fill(fields.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  async signIn(login: string, password: string, path = "/login/") {
    if (!this.page.url().includes("/login")) await this.page.goto(path);
    await this.page.getByLabel("Username or email").fill(login);
    await this.page.getByLabel("Password", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  /** The avatar's menu in the header, which holds settings and Sign out. */
  async openMemberMenu() {
    await this.page.getByRole("button", { name: /^Account menu/ }).click();
  }

  async signOut() {
    await this.openMemberMenu();
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page).toHaveURL(/\/login\/?$/);
  }
}
