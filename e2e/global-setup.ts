import { mkdirSync } from "node:fs";
import { request, type FullConfig } from "@playwright/test";
import { DEMO_PASSWORD } from "../db/demo-community";

export const DEMO_USERS = ["alice", "bob", "carol"] as const;
export type DemoUser = (typeof DEMO_USERS)[number];
export const storageStatePath = (user: DemoUser) => `e2e/.auth/${user}.json`;

/** Signs the demo members in once through next-auth and keeps their cookies for every test. */
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]!.use.baseURL!;
  mkdirSync("e2e/.auth", { recursive: true });
  for (const user of DEMO_USERS) {
    const context = await request.newContext({ baseURL, timeout: 120_000 });
    await context.get("/login/"); // sets the csrftoken cookie the app's writes need
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await context.post("/api/auth/callback/credentials", {
      form: { username: user, password: DEMO_PASSWORD, csrfToken, json: "true" },
    });
    if (!response.ok()) throw new Error(`Could not sign in ${user}: ${response.status()}`);
    await context.storageState({ path: storageStatePath(user) });
    await context.dispose();
  }
}
