import { inboxFor } from "@/lib/messaging/service";
import { toConversationJson } from "@/lib/messaging/wire";
import { InboxPane } from "./inbox-pane";

/** Reads the inbox on the server; the messaging layout streams it in behind a skeleton. */
export async function InboxPaneLoader({ me }: { me: number }) {
  const { conversations, hasMore } = await inboxFor(me, {});
  return <InboxPane me={me} initial={{ conversations: conversations.map(toConversationJson), has_more: hasMore }} />;
}
