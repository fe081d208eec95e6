import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { requirePageUser } from "@/lib/auth/page-session";
import { ApiError } from "@/lib/errors";
import { parseId } from "@/lib/http/params";
import { conversationPartner } from "@/lib/messaging/service";

type Props = { children: ReactNode; params: Promise<{ userId: string }> };

/**
 * Checks the partner before the page's skeleton (loading.tsx) streams, so an
 * unknown member is still answered with a 404 status, and your own id goes back to the inbox.
 */
export default async function ConversationLayout({ children, params }: Props) {
  const { userId } = await params;
  const me = await requirePageUser(`/messaging/conversation/${encodeURIComponent(userId)}/`);
  const partnerId = parseId(userId, "user");
  if (partnerId === null) notFound();
  if (partnerId === me.id) redirect("/messaging/");
  await conversationPartner(me.id, partnerId).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  });
  return children;
}
