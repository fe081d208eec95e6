import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { findUserById } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { sessionUserId } from "./session";

async function cookieHeader(): Promise<string> {
  const store = await cookies();
  return store
    .getAll()
    .map((c) => `${c.name}=${encodeURIComponent(c.value)}`)
    .join("; ");
}

/** The signed-in member for a page, or null. */
export async function currentUser(): Promise<User | null> {
  const id = await sessionUserId(await cookieHeader());
  return (id !== null && (await findUserById(id))) || null;
}

/** The signed-in member for a page; others are sent to sign in and brought back to `returnTo`. */
export async function requirePageUser(returnTo: string): Promise<User> {
  const user = await currentUser();
  if (!user) redirect(`/login/?next=${encodeURIComponent(returnTo)}`);
  return user;
}
