import { parseBody } from "@/lib/http/body";
import { json, memberRoute, methodNotAllowed } from "@/lib/http/route";
import { signalTyping } from "@/lib/messaging/live";
import { typingSchema } from "@/lib/messaging/schemas";

/** "I am typing to this member" (or stopped): pushed to their screens, stored nowhere. */
export const POST = memberRoute(
  async ({ req, user }) => {
    await signalTyping(user.id, await parseBody(req, typingSchema));
    return json({}, { status: 202 });
  },
  { csrf: true },
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
