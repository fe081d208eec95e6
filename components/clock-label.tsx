import { useLayoutEffect, useRef, useState } from "react";
import { isServerClock } from "@/lib/browser/use-clock";
import type { Clock } from "@/lib/browser/time-labels";

type ClockLabelProps = {
  as?: "time" | "span";
  /** The moment as the data has it (a time element's dateTime). */
  dateTime?: string;
  at: Date;
  clock: Clock;
  text: (at: Date, clock: Clock) => string;
  title?: (at: Date, clock: Clock) => string;
  className?: string;
};

/**
 * A time label (and its tooltip) that hydration does not format again: while the clock is still the server's and
 * the moment unchanged, the server's text is kept (React leaves a hydrated element's text and attributes as drawn
 * when told to expect a difference). Formatting would make the page's first Intl object, whose ICU set-up costs
 * ~50 ms of main thread (four times that on a phone), in the middle of hydration. Mounted on the client instead
 * (nothing drawn), it formats before the browser paints; a clock tick or a new moment formats as usual.
 */
export function ClockLabel({ as: Tag = "time", dateTime, at, clock, text, title, className }: ClockLabelProps) {
  const ref = useRef<HTMLElement>(null);
  const [hydratedWith] = useState(() => ({ clock, at: at.getTime() }));
  const [draw, setDraw] = useState(false);
  const keep = !draw && isServerClock(clock) && hydratedWith.clock === clock && hydratedWith.at === at.getTime();
  useLayoutEffect(() => {
    if (keep && !ref.current?.textContent) setDraw(true);
    // Only at mount: whether there is server text to keep.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <Tag
      ref={ref as React.RefObject<never>}
      dateTime={dateTime}
      title={keep ? undefined : title?.(at, clock)}
      className={className}
      suppressHydrationWarning
    >
      {keep ? "" : text(at, clock)}
    </Tag>
  );
}
