import { test as base, type Browser, type Page } from "@playwright/test";
import { storageStatePath, type DemoUser } from "./global-setup";

type Fixtures = {
  /** A page signed in as a demo member, in a browser context of its own. */
  pageAs: (user: DemoUser) => Promise<Page>;
};

async function signedInPage(browser: Browser, user: DemoUser, options: Parameters<Browser["newContext"]>[0]) {
  const context = await browser.newContext({ ...options, storageState: storageStatePath(user) });
  return context.newPage();
}

export const test = base.extend<Fixtures>({
  pageAs: async ({ browser, contextOptions, viewport, isMobile, hasTouch, userAgent, deviceScaleFactor, baseURL }, use) => {
    const pages: Page[] = [];
    await use(async (user) => {
      const page = await signedInPage(browser, user, {
        ...contextOptions,
        baseURL,
        viewport,
        isMobile,
        hasTouch,
        userAgent,
        deviceScaleFactor,
      });
      pages.push(page);
      return page;
    });
    for (const page of pages) await page.context().close();
  },
});

export { expect } from "@playwright/test";
