import type { Locator, Page } from "@playwright/test";

/** What every signed-in page shares: the site header, toasts, the offline banner and the tab title. */
export class SiteChrome {
  constructor(readonly page: Page) {}

  get siteHeader(): Locator {
    return this.page.locator("#site-header");
  }

  get toasts(): Locator {
    return this.page.getByTestId("toast");
  }

  toast(text: string): Locator {
    return this.toasts.filter({ hasText: text });
  }

  get offlineBanner(): Locator {
    return this.page.getByTestId("offline-banner");
  }

  /** The count in front of the tab title ("(3) Messages" → 3), 0 without one. */
  async titleCount(): Promise<number> {
    return Number(/^\((\d+)\)/.exec(await this.page.title())?.[1] ?? 0);
  }

  /** Total layout shift so far (a PerformanceObserver installed before the page's own scripts). */
  static async recordLayoutShift(page: Page) {
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) w.__shift += entry.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
  }

  async layoutShift(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __shift: number }).__shift);
  }
}
