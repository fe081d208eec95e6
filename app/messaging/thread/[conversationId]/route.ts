import { conversationPath } from "@/lib/members";
import { sessionUserId } from "@/lib/auth/session";
import { legacyThreadDestination } from "@/lib/messaging/legacy-thread";

type Context = { params: Promise<{ conversationId: string }> };

// The target depends on who asks, so browsers and proxies must not keep the permanent redirect.
const perMember = { "Cache-Control": "private, no-store", Vary: "Cookie" };

const redirect = (location: string, status: number) =>
  new Response(null, { status, headers: { Location: location, ...perMember } });

const notFound = () =>
  new Response("This conversation does not exist, or you were not part of it.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...perMember },
  });

/** An old app's thread link: a permanent redirect to the conversation with the other participant. */
export async function GET(req: Request, context: Context): Promise<Response> {
  const { conversationId } = await context.params;
  const id = /^\d{1,9}$/.test(conversationId) ? Number(conversationId) : NaN;
  const userId = await sessionUserId(req.headers.get("cookie"));
  if (userId === null) {
    return redirect(`/login/?next=${encodeURIComponent(new URL(req.url).pathname)}`, 307);
  }
  if (!(id >= 1)) return notFound(); // also NaN: not an id
  const destination = await legacyThreadDestination(id, userId);
  if (!destination) return notFound();
  if (destination.kind === "inbox") return redirect("/messaging/", 307);
  return redirect(conversationPath(destination.partnerId), 308);
}
