"use client";

import { reportRequestReached } from "./connection-status";

/** An API answer with `success: false`: the status and the server's sentence. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

export function csrfToken(): string {
  const match = document.cookie.split("; ").find((c) => c.startsWith("csrftoken="));
  return match ? decodeURIComponent(match.slice("csrftoken=".length)) : "";
}

/** Calls one of our JSON APIs; writes carry the CSRF token; failures throw ApiRequestError. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal; /** Finishes even if the page is left at once. */ keepalive?: boolean } = {},
): Promise<T> {
  const method = init.method ?? "GET";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal: init.signal,
      keepalive: init.keepalive,
      credentials: "same-origin",
      headers: {
        Accept: "application/json",
        ...(init.body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...(method !== "GET" ? { "X-CSRFToken": csrfToken() } : {}),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    reportRequestReached(false);
    throw new ApiRequestError(0, "You appear to be offline. Check your connection and try again.");
  }
  reportRequestReached(true);
  type Answer = { success?: boolean; error?: string; field_errors?: Record<string, string> } & T;
  const data = (await response.json().catch(() => null)) as Answer | null;
  if (!response.ok || !data?.success) {
    const retryAfter = Number(response.headers.get("Retry-After")) || undefined;
    const message = data?.error ?? `The server answered ${response.status}.`;
    throw new ApiRequestError(response.status, message, retryAfter, data?.field_errors);
  }
  return data;
}
