import { announceWentAway, recordSeen } from "@/db/queries/presence";
import { connectedMembers } from "./hub";

const SWEEP_MS = 30_000;

/**
 * Every 30 s: members with an open stream here are seen now, and members
 * nobody has seen for 90 s are announced as gone (each instance announces
 * the same crossing; a crashed instance's members age out by themselves).
 */
export function startPresenceSweep(): () => void {
  let since = new Date();
  const timer = setInterval(() => {
    const now = new Date();
    void Promise.all([recordSeen(connectedMembers()), announceWentAway(since)])
      .then(() => {
        since = now;
      })
      .catch((error) => console.error("Presence sweep failed", error));
  }, SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}

const arriving = new Set<number>();
let flush: ReturnType<typeof setTimeout> | undefined;

/** A member's first stream here opened: seen now. Batched (200 ms), so a wave of reconnections is a few statements, not thousands. */
export function markSeenSoon(memberId: number): void {
  arriving.add(memberId);
  flush ??= setTimeout(() => {
    const members = [...arriving];
    arriving.clear();
    flush = undefined;
    void recordSeen(members).catch((error) => console.error("Presence update failed", error));
  }, 200);
}
