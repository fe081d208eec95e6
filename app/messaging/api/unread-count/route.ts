import { json, memberRoute, methodNotAllowed } from "@/lib/http/route";
import { unreadCountFor } from "@/lib/messaging/service";

export const GET = memberRoute(async ({ user }) => json({ unread_count: await unreadCountFor(user.id) }), {
  csrf: false,
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
