import { getDb } from "@/db/connection";
import { notifyStatement } from "@/db/events";
import { ApiError, badRequest, tooManyRequests } from "@/lib/errors";
import { isLive } from "@/lib/live/hub";
import { openEventStream } from "@/lib/live/stream";
import { TtlCache } from "@/lib/ttl-cache";
import { partnerOrNotFound } from "./service";
import { processWide } from "@/lib/process-wide";

/** The member's events stream; a 503 (clients keep polling) while this instance has no live delivery. */
export function openMemberStream(memberId: number, after: number | undefined, signal: AbortSignal): Response {
  if (!isLive()) throw new ApiError(503, "Live updates are not available right now. New messages still arrive every few seconds.");
  return openEventStream({ memberId, after, signal });
}

export const TYPING_INTERVAL_MS = 2_000;
// At most one "typing" per member and partner every 2 s on this instance (typing signals are never stored).
const recentTyping = processWide("recent-typing", () => new TtlCache<string, true>(TYPING_INTERVAL_MS, 50_000));

/** Tells the partner's screens that the member started or stopped typing to them. */
export async function signalTyping(memberId: number, input: { receiverId: number; typing: boolean }): Promise<void> {
  if (input.receiverId === memberId) throw badRequest("You cannot type to yourself.");
  await partnerOrNotFound(input.receiverId);
  const key = `${memberId}:${input.receiverId}`;
  if (input.typing) {
    if (recentTyping.get(key)) throw tooManyRequests("Typing is signalled at most once every 2 seconds.", 2);
    recentTyping.set(key, true);
  } else {
    recentTyping.delete(key);
  }
  const db = await getDb();
  await db.execute(notifyStatement({ k: "typing", from: memberId, to: input.receiverId, typing: input.typing }));
}
