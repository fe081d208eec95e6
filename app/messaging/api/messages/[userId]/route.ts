import { parseQuery } from "@/lib/http/body";
import { idParam } from "@/lib/http/params";
import { json, memberRoute, methodNotAllowed } from "@/lib/http/route";
import { messagesQuerySchema } from "@/lib/messaging/schemas";
import { conversationPage } from "@/lib/messaging/service";
import { toMessageJson } from "@/lib/messaging/wire";

export const GET = memberRoute(
  async ({ req, user, params }) => {
    const partnerId = idParam(params, "userId", "The user id", "user");
    const query = parseQuery(req, messagesQuerySchema);
    const { partner, messages, hasMore } = await conversationPage(user.id, partnerId, query);
    return json({
      messages: messages.map(toMessageJson),
      other_user: { id: partner.id, username: partner.username, name: partner.name, headline: partner.headline },
      has_more: hasMore,
    });
  },
  { csrf: false },
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
