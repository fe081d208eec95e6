import { idParam } from "@/lib/http/params";
import { json, memberRoute, methodNotAllowed } from "@/lib/http/route";
import { markMessageRead } from "@/lib/messaging/service";

export const POST = memberRoute(
  async ({ user, params }) => {
    await markMessageRead(user.id, idParam(params, "messageId", "The message id", "message"));
    return json({});
  },
  { csrf: true },
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
