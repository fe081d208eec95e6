import { idParam } from "@/lib/http/params";
import { json, memberRoute, methodNotAllowed } from "@/lib/http/route";
import { markConversationReadFor } from "@/lib/messaging/service";

export const POST = memberRoute(
  async ({ user, params }) => {
    const marked = await markConversationReadFor(user.id, idParam(params, "userId", "The user id", "user"));
    return json({ marked });
  },
  { csrf: true },
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
