import { json, memberRoute, methodNotAllowed } from "@/lib/http/route";
import { unreadCountsFor } from "@/lib/messaging/service";

/** The member's unread total (the header's badge), and the part of it in muted conversations (left out of the tab title). */
export const GET = memberRoute(async ({ user }) => json(await unreadCountsFor(user.id)), {
  csrf: false,
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
