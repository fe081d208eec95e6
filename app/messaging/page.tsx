import type { Metadata } from "next";
import { NoConversationOpen } from "@/components/no-conversation-open";
import { requirePageUser } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Messages" };

/** /messaging/: the inbox (drawn by the layout); on laptops, the right pane waits for a choice. */
export default async function InboxPage() {
  await requirePageUser("/messaging/");
  return <NoConversationOpen />;
}
