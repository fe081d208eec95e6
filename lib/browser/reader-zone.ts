import { CLOCK_COOKIE, clockCookieValue } from "@/lib/reader-clock";

/**
 * The reader's time zone and locale, without Intl when it can be avoided: the first Intl object a page makes
 * sets up ICU, ~50 ms of main thread on a desktop (four times that on a phone), which used to land in the middle
 * of hydration on every page. A full check (with Intl) writes the cookie together with a fingerprint of what the
 * zone and locale depend on, read without Intl (the UTC offsets in January and July, the browser's languages);
 * while the cookie holds that same fingerprint, its zone and locale are the reader's.
 */
export type ReaderZone = { timeZone: string; locale: string };

const fingerprint = () => {
  const year = new Date().getFullYear();
  const offsets = `${new Date(year, 0, 1).getTimezoneOffset()},${new Date(year, 6, 1).getTimezoneOffset()}`;
  return `${offsets};${(navigator.languages ?? [navigator.language]).join(",")}`;
};

const cookieValue = () =>
  document.cookie
    .split("; ")
    .find((pair) => pair.startsWith(`${CLOCK_COOKIE}=`))
    ?.slice(CLOCK_COOKIE.length + 1);

let known: ReaderZone | null = null;

/** The zone and locale the last full check found, while the fingerprint beside them in the cookie still holds. */
function checkedZone(): ReaderZone | null {
  if (known) return known;
  try {
    const [timeZone, locale, checked] = decodeURIComponent(cookieValue() ?? "").split("|");
    if (timeZone && locale && checked === fingerprint()) known = { timeZone, locale };
  } catch {
    /* a malformed cookie: check in full */
  }
  return known;
}

/** Asks Intl, and tells the server (the cookie) for next time. */
function checkInFull(): ReaderZone {
  const { timeZone, locale } = Intl.DateTimeFormat().resolvedOptions();
  known = { timeZone, locale };
  const told = clockCookieValue(known, fingerprint());
  if (cookieValue() !== told) document.cookie = `${CLOCK_COOKIE}=${told}; path=/; max-age=31536000; samesite=lax`;
  return known;
}

/** The reader's zone and locale (browser only). `recheck` asks Intl again unless the fingerprint still holds. */
export function readerZone({ recheck = false } = {}): ReaderZone {
  if (recheck) known = null;
  return checkedZone() ?? checkInFull();
}

/** The browser's own zone when known without Intl (null on the server or before a full check). */
export const localTimeZone = (): string | null => (typeof window === "undefined" ? null : (checkedZone()?.timeZone ?? null));
