import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { SessionMember } from "@/db/queries/users";
import { sessionOfCookie } from "./session";

async function cookieHeader(): Promise<string> {
  const store = await cookies();
  return store
    .getAll()
    .map((c) => `${c.name}=${encodeURIComponent(c.value)}`)
    .join("; ");
}

/**
 * The signed-in member for a page, or null: resolved once per request (React
 * `cache`) and shared by the header, the layouts and the page. A revoked
 * session or a deleted member is null, like no session at all.
 */
export const currentUser = cache(async (): Promise<SessionMember | null> => {
  return (await sessionOfCookie(await cookieHeader()))?.member ?? null;
});

/** The signed-in member for a page; others are sent to sign in and brought back to `returnTo`. */
export async function requirePageUser(returnTo: string): Promise<SessionMember> {
  const user = await currentUser();
  if (!user) redirect(`/login/?next=${encodeURIComponent(returnTo)}`);
  return user;
}
