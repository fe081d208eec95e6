import type { ReactNode } from "react";
import { InboxPane } from "@/components/inbox-pane";
import { MessagingPanes } from "@/components/messaging-panes";
import { currentUser } from "@/lib/auth/page-session";
import { inboxFor } from "@/lib/messaging/service";
import { toConversationJson } from "@/lib/messaging/wire";

/** The inbox beside every messaging page; the pages themselves send visitors to sign in. */
export default async function MessagingLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) return children;
  const { conversations, hasMore } = await inboxFor(user.id, {});
  const initial = { conversations: conversations.map(toConversationJson), has_more: hasMore };
  return <MessagingPanes inbox={<InboxPane me={user.id} initial={initial} />}>{children}</MessagingPanes>;
}
