/** The reader's time zone and locale, told by the browser in a cookie, so the server renders times as they will read. */
export type ReaderClock = { now: string; timeZone: string; locale: string };

export const CLOCK_COOKIE = "reader-clock";

/** `checked`: the browser's fingerprint of the check that found them (lib/browser/reader-zone.ts); the server ignores it. */
export const clockCookieValue = ({ timeZone, locale }: { timeZone: string; locale: string }, checked?: string) =>
  encodeURIComponent(checked === undefined ? `${timeZone}|${locale}` : `${timeZone}|${locale}|${checked}`);

const usable = (timeZone: string, locale: string) => {
  try {
    new Intl.DateTimeFormat(locale, { timeZone });
    return Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0;
  } catch {
    return false;
  }
};

/** The clock for a request at `now`; an absent or unusable cookie reads as UTC in en-US. */
export function readerClock(cookie: string | undefined, now: Date): ReaderClock {
  let raw = cookie ?? "";
  try {
    raw = decodeURIComponent(raw);
  } catch {
    raw = "";
  }
  const [timeZone = "", locale = ""] = raw.split("|");
  const told = timeZone.length <= 64 && locale.length <= 35 && usable(timeZone, locale);
  return told ? { now: now.toISOString(), timeZone, locale } : { now: now.toISOString(), timeZone: "UTC", locale: "en-US" };
}
