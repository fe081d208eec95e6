import { expect, test } from "./fixtures";

// Addresses a person or an attacker can type: each is a page's 404 or a JSON 4xx, never a 500.

test("malformed escapes, NUL and out-of-range ids in page addresses show a 404 page", async ({ pageAs }) => {
  const alice = await pageAs("alice");
  for (const path of ["/community/%E0%A4%A/", "/community/%00/", "/messaging/thread/%FF/", "/messaging/conversation/2147483648/"]) {
    const answer = await alice.goto(path);
    expect(answer?.status(), path).toBe(404);
    await expect(alice.getByRole("heading").first()).toBeVisible();
  }
});

test("a directory search for NUL matches nobody", async ({ pageAs }) => {
  const alice = await pageAs("alice");
  const answer = await alice.goto("/community/?q=%00");
  expect(answer?.status()).toBe(200);
  await expect(alice.getByText("No members match.")).toBeVisible();
});

test("under /messaging/api/ every answer is JSON: malformed escapes, unknown paths, 405s", async ({ pageAs }) => {
  const alice = await pageAs("alice");
  const answers = [
    [await alice.request.post("/messaging/api/mark-read/%E0%A4%A/"), 400],
    [await alice.request.get("/messaging/api/nope/"), 404],
    [await alice.request.delete("/messaging/api/unread-count/"), 405],
    [await alice.request.post("/api/health/"), 405],
  ] as const;
  for (const [answer, status] of answers) {
    expect(answer.status(), answer.url()).toBe(status);
    expect(answer.headers()["content-type"]).toMatch(/^application\/json/);
    expect(answer.headers()["cache-control"]).toBe("no-store");
    expect((await answer.json()).error).toEqual(expect.any(String));
  }
});
