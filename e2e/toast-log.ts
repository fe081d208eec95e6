import type { Page } from "@playwright/test";

const KEY = "e2e-toasts";

/**
 * Keeps every toast the page shows in sessionStorage, so a test can still see
 * one after the page it appeared on has been replaced by a full navigation.
 */
export async function recordToasts(page: Page) {
  await page.addInitScript((key) => {
    new MutationObserver(() => {
      for (const toast of document.querySelectorAll('[data-testid="toast"]')) {
        const seen: string[] = JSON.parse(sessionStorage.getItem(key) ?? "[]");
        const text = toast.textContent ?? "";
        if (text && !seen.includes(text)) sessionStorage.setItem(key, JSON.stringify([...seen, text]));
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, KEY);
}

export async function toastsSeen(page: Page): Promise<string[]> {
  return page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? "[]") as string[], KEY);
}
