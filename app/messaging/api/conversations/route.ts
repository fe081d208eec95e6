import { parseQuery } from "@/lib/http/body";
import { json, memberRoute, methodNotAllowed } from "@/lib/http/route";
import { conversationsQuerySchema } from "@/lib/messaging/schemas";
import { inboxFor } from "@/lib/messaging/service";
import { toConversationJson } from "@/lib/messaging/wire";

export const GET = memberRoute(
  async ({ req, user }) => {
    const page = parseQuery(req, conversationsQuerySchema);
    const { conversations, hasMore } = await inboxFor(user.id, page);
    return json({ conversations: conversations.map(toConversationJson), has_more: hasMore });
  },
  { csrf: false },
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
