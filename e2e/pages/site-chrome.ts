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

  /** The Dismiss button of the toast showing `text`. */
  dismissButton(text: string): Locator {
    return this.page.getByTestId("toast-card").filter({ has: this.toast(text) }).getByRole("button", { name: "Dismiss" });
  }

  /** Drags the toast showing `text` up with one finger (touch events, as a phone sends them). */
  async swipeUp(text: string) {
    const box = (await this.toast(text).boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const cdp = await this.page.context().newCDPSession(this.page);
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", at?: number) =>
      cdp.send("Input.dispatchTouchEvent", { type, touchPoints: at === undefined ? [] : [{ x, y: at }] });
    await touch("touchStart", y);
    for (const dy of [10, 25, 45, 70]) await touch("touchMove", y - dy);
    await touch("touchEnd");
    await cdp.detach();
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
