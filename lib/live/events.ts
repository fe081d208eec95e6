import type { MessageJson } from "@/lib/messaging/wire";

/** What the events stream carries (SPEC.md, "Live events (push)"). */
export type LiveEvent =
  | { event: "message"; id: number; data: MessageJson }
  | { event: "read"; data: { reader_id: number; partner_id: number; up_to_id: number; read_at: string } }
  | { event: "typing"; data: { user_id: number; typing: boolean } }
  | { event: "presence"; data: { user_id: number; online: boolean; last_seen: string | null } }
  | { event: "unread"; data: { unread_count: number; muted_unread_count: number } }
  | { event: "mute"; data: { user_id: number; muted: boolean } }
  | { event: "resync"; data: Record<string, never> }
  | { event: "ping"; data: Record<string, never> };

/** Typing and presence may be dropped for a slow reader; the rest may not. */
export const isDroppable = (event: LiveEvent) => event.event === "typing" || event.event === "presence";

/** One event in text/event-stream form. */
export function formatEvent(event: LiveEvent): string {
  const id = event.event === "message" ? `id: ${event.id}\n` : "";
  return `event: ${event.event}\n${id}data: ${JSON.stringify(event.data)}\n\n`;
}

/** One event block read back from text/event-stream (tests, benchmarks): its name, id and raw data; null for comments and `retry:`. */
export function parseEventBlock(block: string): { event: string; id?: string; data: string } | null {
  let event = "message";
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event: ")) event = line.slice(7);
    else if (line.startsWith("id: ")) id = line.slice(4);
    else if (line.startsWith("data: ")) data.push(line.slice(6));
  }
  return data.length ? { event, id, data: data.join("\n") } : null;
}
