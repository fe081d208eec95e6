import { localTimeZone } from "./reader-zone";

/** How times read in the inbox and the conversation, in the reader's time zone (as the browser told the server in a cookie; UTC before it has). */
export type Clock = { now: Date; timeZone?: string; locale?: string };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Making a formatter costs far more than using one: a long conversation formats hundreds of times. */
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locale, options]);
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  return made;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2024-03-05" for the calendar day a moment falls on in the time zone. */
export function dayKey(at: Date, timeZone?: string): string {
  // The browser's own zone (known without Intl): its local date, without setting up ICU (reader-zone.ts).
  if (timeZone !== undefined && timeZone === localTimeZone()) return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return formatter("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** Whole calendar days from `at` to `now` (0 today, 1 yesterday), in the time zone. */
function daysAgo(at: Date, clock: Clock): number {
  const utcMidnight = (key: string) => Date.parse(`${key}T00:00:00Z`);
  return Math.round((utcMidnight(dayKey(clock.now, clock.timeZone)) - utcMidnight(dayKey(at, clock.timeZone))) / DAY);
}

const format = (at: Date, clock: Clock, options: Intl.DateTimeFormatOptions) =>
  formatter(clock.locale, { timeZone: clock.timeZone, ...options }).format(at);

/** "2:05 PM": the time of day a message was sent. */
export const clockTime = (at: Date, clock: Clock) => format(at, clock, { hour: "numeric", minute: "2-digit" });

/** "Tuesday, March 5, 2024 at 2:05 PM": the full moment, for tooltips. */
export const fullTime = (at: Date, clock: Clock) => format(at, clock, { dateStyle: "full", timeStyle: "short" });

/** The inbox's short time: "now", "12 min", "2:05 PM", "Yesterday", "Mon", "Mar 4", "Mar 4, 2023". */
export function inboxTime(at: Date, clock: Clock): string {
  const elapsed = clock.now.getTime() - at.getTime();
  if (elapsed < MINUTE) return "now";
  if (elapsed < 60 * MINUTE) return `${Math.floor(elapsed / MINUTE)} min`;
  const days = daysAgo(at, clock);
  if (days <= 0) return clockTime(at, clock);
  if (days === 1) return "Yesterday";
  if (days < 7) return format(at, clock, { weekday: "short" });
  const sameYear = dayKey(at, clock.timeZone).slice(0, 4) === dayKey(clock.now, clock.timeZone).slice(0, 4);
  return format(at, clock, { month: "short", day: "numeric", ...(sameYear ? {} : { year: "numeric" }) });
}

/** A conversation's day separator: "Today", "Yesterday", "Monday", "March 4", "March 4, 2023". */
export function dayLabel(at: Date, clock: Clock): string {
  const days = daysAgo(at, clock);
  if (days <= 0) return "Today";
  if (days === 1) return "Yesterday";
  if (days < 7) return format(at, clock, { weekday: "long" });
  const sameYear = dayKey(at, clock.timeZone).slice(0, 4) === dayKey(clock.now, clock.timeZone).slice(0, 4);
  return format(at, clock, { month: "long", day: "numeric", ...(sameYear ? {} : { year: "numeric" }) });
}
