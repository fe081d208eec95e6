import { dayKey } from "./time-labels";

type Timed = { timestamp: string; sender_id: number };

export type DayGroup<M extends Timed> = { day: string; first: Date; messages: M[] };

/** Splits messages (already oldest first) into runs of one calendar day each. */
export function groupByDay<M extends Timed>(messages: M[], timeZone?: string): DayGroup<M>[] {
  const groups: DayGroup<M>[] = [];
  for (const message of messages) {
    const at = new Date(message.timestamp);
    const day = dayKey(at, timeZone);
    const current = groups.at(-1);
    if (current?.day === day) current.messages.push(message);
    else groups.push({ day, first: at, messages: [message] });
  }
  return groups;
}

const RUN_GAP_MS = 5 * 60_000;

/** Whether a message continues its sender's run (same sender, within five minutes), so it sits closer. */
export function continuesRun(previous: Timed | undefined, message: Timed): boolean {
  if (!previous || previous.sender_id !== message.sender_id) return false;
  return Date.parse(message.timestamp) - Date.parse(previous.timestamp) < RUN_GAP_MS;
}
