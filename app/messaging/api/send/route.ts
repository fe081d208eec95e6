import { parseBody } from "@/lib/http/body";
import { json, memberRoute, methodNotAllowed } from "@/lib/http/route";
import { sendMessageSchema } from "@/lib/messaging/schemas";
import { sendMessage } from "@/lib/messaging/service";
import { toMessageJson } from "@/lib/messaging/wire";

export const POST = memberRoute(
  async ({ req, user }) => {
    const input = await parseBody(req, sendMessageSchema);
    const { message, created } = await sendMessage(user.id, input);
    return json({ message: toMessageJson(message) }, { status: created ? 201 : 200 });
  },
  { csrf: true },
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
