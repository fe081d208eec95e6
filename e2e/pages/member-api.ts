import { request, type APIRequestContext, type Page } from "@playwright/test";
import type { MessageJson } from "../../lib/messaging/wire";

type Client = APIRequestContext | Page;
const requestOf = (client: Client) => ("request" in client ? client.request : client);

async function csrfHeaders(client: Client, baseURL: string) {
  const state = "context" in client ? await client.context().storageState() : await client.storageState();
  const token = state.cookies.find((c) => c.name === "csrftoken")?.value ?? "";
  return { "X-CSRFToken": decodeURIComponent(token), Origin: baseURL };
}

/** The messaging API as a signed-in member (a page's context or a request context), for setting up and checking. */
export class MemberApi {
  constructor(
    private readonly client: Client,
    private readonly baseURL: string,
  ) {}

  async idOf(username: string): Promise<number> {
    const answer = await requestOf(this.client).get(`/messaging/api/search-users/?q=${username}`);
    const { users } = (await answer.json()) as { users: { id: number; username: string }[] };
    const user = users.find((u) => u.username === username);
    if (!user) throw new Error(`No member ${username}`);
    return user.id;
  }

  async send(receiverId: number, content: string): Promise<MessageJson> {
    const answer = await requestOf(this.client).post("/messaging/api/send/", {
      data: { receiver_id: receiverId, content },
      headers: await csrfHeaders(this.client, this.baseURL),
    });
    if (!answer.ok()) throw new Error(`Send failed: ${answer.status()} ${await answer.text()}`);
    return ((await answer.json()) as { message: MessageJson }).message;
  }

  async markConversationRead(partnerId: number): Promise<void> {
    const answer = await requestOf(this.client).post(`/messaging/api/mark-conversation-read/${partnerId}/`, {
      headers: await csrfHeaders(this.client, this.baseURL),
    });
    if (!answer.ok()) throw new Error(`Mark read failed: ${answer.status()}`);
  }

  async messagesWith(partnerId: number, limit = 100): Promise<MessageJson[]> {
    const answer = await requestOf(this.client).get(`/messaging/api/messages/${partnerId}/?limit=${limit}`);
    return ((await answer.json()) as { messages: MessageJson[] }).messages;
  }

  async unreadCount(): Promise<number> {
    const answer = await requestOf(this.client).get("/messaging/api/unread-count/");
    return ((await answer.json()) as { unread_count: number }).unread_count;
  }

  /** The partners whose conversations the member muted (on the server: every device sees the same). */
  async mutes(): Promise<number[]> {
    const answer = await requestOf(this.client).get("/messaging/api/mutes/");
    return ((await answer.json()) as { muted: number[] }).muted;
  }

  async setMuted(partnerId: number, muted: boolean): Promise<void> {
    const answer = await requestOf(this.client).post("/messaging/api/mutes/", {
      data: { user_id: partnerId, muted },
      headers: await csrfHeaders(this.client, this.baseURL),
    });
    if (!answer.ok()) throw new Error(`Mute failed: ${answer.status()} ${await answer.text()}`);
  }

  async unreadFrom(partnerId: number): Promise<number> {
    const answer = await requestOf(this.client).get("/messaging/api/conversations/");
    const { conversations } = (await answer.json()) as { conversations: { user: { id: number }; unread_count: number }[] };
    return conversations.find((c) => c.user.id === partnerId)?.unread_count ?? 0;
  }
}

/** The password of every member `signUpMember` creates. */
export const E2E_PASSWORD = "e2e-password-123";

export type NewMember = { id: number; username: string; name: string; api: MemberApi; request: APIRequestContext };

/** Signs up a brand-new member (so a test can own a conversation no other test touches) and signs them in. */
export async function signUpMember(baseURL: string, name: string): Promise<NewMember> {
  // Each test member comes from an address of its own, as members behind the test server's one trusted proxy
  // hop do (TRUST_PROXY_HOPS=1): the per-address sign-up and sign-in limits hold for each, not for the whole suite.
  const address = `198.51.100.${1 + Math.floor(Math.random() * 254)}, 203.0.113.${1 + Math.floor(Math.random() * 254)}`;
  const context = await request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": address } });
  await context.get("/login/"); // the csrftoken cookie
  const username = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "")}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const password = E2E_PASSWORD;
  const signup = await context.post("/api/account/signup/", {
    data: { username, email: `${username}@example.com`, name, password },
    headers: await csrfHeaders(context, baseURL),
  });
  if (!signup.ok()) throw new Error(`Sign-up failed: ${signup.status()} ${await signup.text()}`);
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signin = await context.post("/api/auth/callback/credentials", {
    form: { username, password, csrfToken, json: "true" },
  });
  if (!signin.ok()) throw new Error(`Sign-in failed: ${signin.status()}`);
  // Sign-up does not answer with the id (its answer is the same for a registered email): the member's own data has it.
  const { account } = (await (await context.get("/api/account/export/")).json()) as { account: { id: number } };
  const id = account.id;
  return { id, username, name, api: new MemberApi(context, baseURL), request: context };
}
