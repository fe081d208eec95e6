import type { Page } from "@playwright/test";

/** Whether the page's primary pointer is a finger (the Pixel 7 project): there Enter makes a new line and Send sends. */
export const hasCoarsePointer = (page: Page) => page.evaluate(() => matchMedia("(pointer: coarse)").matches);
