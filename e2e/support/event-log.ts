import { parseEventBlock } from "../../lib/live/events";

export type LoggedEvent = { event: string; id?: string; data: Record<string, unknown> };

/**
 * The events of one text/event-stream, kept as they arrive (fed raw text
 * chunks), with `next` to wait for one that matches. Shared by the Vitest and
 * Playwright stream readers.
 */
export class EventLog {
  readonly events: LoggedEvent[] = [];
  private buffer = "";
  private readonly waiters = new Set<() => void>();

  add(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf("\n\n")) >= 0) {
      const parsed = parseEventBlock(this.buffer.slice(0, end));
      this.buffer = this.buffer.slice(end + 2);
      if (parsed) this.events.push({ ...parsed, data: JSON.parse(parsed.data) as Record<string, unknown> });
    }
    this.waiters.forEach((wake) => wake());
  }

  next(match: (event: LoggedEvent) => boolean, timeoutMs: number): Promise<LoggedEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.events.find(match);
        if (!found) return false;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`No matching event within ${timeoutMs} ms; got ${this.events.map((e) => e.event).join(", ") || "none"}`));
      }, timeoutMs);
      if (!check()) this.waiters.add(check);
    });
  }

  /** Ids of the message events so far, in order. */
  messageIds(): number[] {
    return this.events.filter((e) => e.event === "message").map((e) => Number(e.id));
  }
}
