import type { Metadata } from "next";
import { displayName } from "@/lib/members";
import { notFound, redirect } from "next/navigation";
import { ConversationView } from "@/components/conversation-view";
import { requirePageUser } from "@/lib/auth/page-session";
import { ApiError } from "@/lib/errors";
import { parseId } from "@/lib/http/params";
import { conversationPage, findPartner, partnerPresence } from "@/lib/messaging/service";
import { toMessageJson, toPartnerJson } from "@/lib/messaging/wire";

type Params = { params: Promise<{ userId: string }> };

/** The tab says whom the conversation is with (one title element: the unread count is put in front of it). */
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const partnerId = parseId((await params).userId, "user");
  const partner = partnerId === null ? null : await findPartner(partnerId);
  return { title: partner ? displayName(partner) : "Member not found" };
}

/** /messaging/conversation/<user_id>/: the conversation with one member. */
export default async function ConversationPage({ params }: Params) {
  const { userId } = await params;
  const me = await requirePageUser(`/messaging/conversation/${encodeURIComponent(userId)}/`);
  const partnerId = parseId(userId, "user");
  if (partnerId === null) notFound();
  if (partnerId === me.id) redirect("/messaging/");
  const [page, presence] = await Promise.all([
    conversationPage(me.id, partnerId, { limit: 50 }).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) notFound();
      throw error;
    }),
    partnerPresence(partnerId),
  ]);
  const partner = toPartnerJson(page.partner);
  return (
    <ConversationView
      key={partner.id}
      me={me.id}
      partner={partner}
      initial={{ messages: page.messages.map(toMessageJson), has_more: page.hasMore }}
      presence={presence}
    />
  );
}
