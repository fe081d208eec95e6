import { memberRoute, methodNotAllowed } from "@/lib/http/route";
import { eventCursor } from "@/lib/live/cursor";
import { openMemberStream } from "@/lib/messaging/live";

export const dynamic = "force-dynamic";

/** The signed-in member's live events (Server-Sent Events); resumes after Last-Event-ID or ?after=. */
export const GET = memberRoute(async ({ req, user }) => openMemberStream(user.id, eventCursor(req), req.signal), {
  csrf: false,
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
