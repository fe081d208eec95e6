import { badRequest } from "@/lib/errors";

const MAX_MESSAGE_ID = 2 ** 53 - 1;

/** Where a stream resumes: the Last-Event-ID header the browser sends on reconnecting, else ?after=; none for a fresh start. */
export function eventCursor(req: Request): number | undefined {
  const raw = req.headers.get("last-event-id") ?? new URL(req.url).searchParams.get("after");
  if (raw === null || raw === "") return undefined;
  const id = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id > MAX_MESSAGE_ID) throw badRequest("The resume point (Last-Event-ID or after) must be a message id.");
  return id;
}
