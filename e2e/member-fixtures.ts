import type { Page } from "@playwright/test";
import { test as base } from "./fixtures";
import { signUpMember, type NewMember } from "./pages/member-api";

type MemberFixtures = {
  /** A brand-new member, signed in, for conversations no other test touches. */
  newMember: (name: string) => Promise<NewMember>;
  /** A page signed in as such a member, on the project's device. */
  pageFor: (member: NewMember) => Promise<Page>;
};

export const test = base.extend<MemberFixtures>({
  newMember: async ({ baseURL }, use) => {
    const members: NewMember[] = [];
    await use(async (name) => {
      const member = await signUpMember(baseURL!, name);
      members.push(member);
      return member;
    });
    for (const member of members) await member.request.dispose();
  },
  pageFor: async ({ browser, contextOptions, viewport, isMobile, hasTouch, userAgent, deviceScaleFactor, baseURL }, use) => {
    const pages: Page[] = [];
    await use(async (member) => {
      const context = await browser.newContext({
        ...contextOptions,
        baseURL,
        viewport,
        isMobile,
        hasTouch,
        userAgent,
        deviceScaleFactor,
        storageState: await member.request.storageState(),
      });
      const page = await context.newPage();
      pages.push(page);
      return page;
    });
    for (const page of pages) await page.context().close();
  },
});

export { expect } from "@playwright/test";
