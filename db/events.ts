import { sql, type SQL } from "drizzle-orm";

/** The one channel every instance LISTENs on; payloads carry ids only (PostgreSQL caps them at 8,000 bytes). */
export const EVENTS_CHANNEL = "community_events";

/** What a notification says happened; the live hub (lib/live) loads whatever else it needs. */
export type ChangeNotice =
  | { k: "message"; id: number; sender: number; receiver: number }
  | { k: "read"; reader: number; partner: number; upTo: number; at: string }
  | { k: "typing"; from: number; to: number; typing: boolean }
  | { k: "presence"; member: number; online: boolean; lastSeen: string | null }
  | { k: "signout"; member: number; session: string | null }
  | { k: "mute"; member: number; partner: number; muted: boolean };

/** An SQL expression that sends `payload` (a json expression) at commit, or never if the transaction rolls back. */
export const notifyJson = (payload: SQL): SQL => sql`pg_notify(${EVENTS_CHANNEL}, (${payload})::text)`;

/** A NOTIFY statement for a notice built in JavaScript (typing, presence, sign-outs). */
export const notifyStatement = (notice: ChangeNotice): SQL => sql`select ${notifyJson(sql`${JSON.stringify(notice)}`)}`;

export function parseNotice(payload: string): ChangeNotice | null {
  try {
    const notice = JSON.parse(payload) as ChangeNotice;
    return typeof notice?.k === "string" ? notice : null;
  } catch {
    return null;
  }
}
