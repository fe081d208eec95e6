import { parseBody } from "@/lib/http/body";
import { json, memberRoute, methodNotAllowed } from "@/lib/http/route";
import { mutedPartnersFor, muteConversation } from "@/lib/messaging/service";
import { muteSchema } from "@/lib/messaging/schemas";

/** The partners whose conversations the signed-in member muted. */
export const GET = memberRoute(async ({ user }) => json({ muted: await mutedPartnersFor(user.id) }), { csrf: false });

/** Mutes (`"muted": true`) or unmutes one conversation: no toast, sound or notification, not in the title's count. */
export const POST = memberRoute(
  async ({ req, user }) => {
    const { partnerId, muted } = await parseBody(req, muteSchema);
    await muteConversation(user.id, partnerId, muted);
    return json({ user_id: partnerId, muted });
  },
  { csrf: true },
);

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET", "POST");
