import { headers } from "next/headers";
import type { ReactNode } from "react";
import { requirePageUser } from "@/lib/auth/page-session";
import { PAGE_ADDRESS_HEADER } from "@/lib/http/page-address";

/**
 * Sends a visitor who is not signed in to sign in before the directory's
 * skeleton (loading.tsx) streams, so they get a real redirect, not a page
 * that refreshes itself; they come back to the same search.
 */
export default async function DirectoryLayout({ children }: { children: ReactNode }) {
  const asked = (await headers()).get(PAGE_ADDRESS_HEADER) ?? "";
  await requirePageUser(asked.startsWith("/community/") ? asked : "/community/");
  return children;
}
