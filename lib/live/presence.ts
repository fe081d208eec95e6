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
