import type { APIResponse, Page } from "@playwright/test";

/** JSON from one of the app's APIs, as the signed-in member of `page`. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  if (!response.ok()) throw new Error(`GET ${path} answered ${response.status()}`);
  return (await response.json()) as T;
}

/** A write through the app's API with the page's CSRF cookie echoed in X-CSRFToken. */
export async function apiPost(page: Page, path: string, body: unknown): Promise<APIResponse> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === "csrftoken")?.value ?? "";
  return page.request.post(path, { data: body, headers: { "X-CSRFToken": csrf } });
}

/** A member's id, found through the search API. */
export async function memberId(page: Page, username: string): Promise<number> {
  const { users } = await apiGet<{ users: { id: number; username: string }[] }>(
    page,
    `/messaging/api/search-users/?q=${encodeURIComponent(username)}`,
  );
  const user = users.find((u) => u.username === username);
  if (!user) throw new Error(`No member ${username}`);
  return user.id;
}
