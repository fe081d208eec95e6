import { test as base, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { storageStatePath, type DemoUser } from "./global-setup";

type StorageState = BrowserContextOptions["storageState"];
type PageOpener = (storageState: StorageState) => Promise<Page>;

type Fixtures = {
  /** Opens a page on the project's device with the given cookies; closed after the test. */
  openSignedInPage: PageOpener;
  /** A page signed in as a demo member, in a browser context of its own. */
  pageAs: (user: DemoUser) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  openSignedInPage: async ({ browser, contextOptions, viewport, isMobile, hasTouch, userAgent, deviceScaleFactor, baseURL }, use) => {
    const device = { ...contextOptions, baseURL, viewport, isMobile, hasTouch, userAgent, deviceScaleFactor };
    const pages: Page[] = [];
    await use(async (storageState) => {
      const page = await newPage(browser, { ...device, storageState });
      pages.push(page);
      return page;
    });
    for (const page of pages) await page.context().close();
  },
  pageAs: async ({ openSignedInPage }, use) => {
    await use((user) => openSignedInPage(storageStatePath(user)));
  },
});

async function newPage(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

export { expect } from "@playwright/test";
