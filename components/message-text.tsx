import { Fragment } from "react";
import { linkify } from "@/lib/browser/linkify";

/**
 * Message text as text (never HTML), with web addresses as links that open in a new tab.
 * The text is isolated (`dir="auto"`) so its bidi controls cannot reorder the page around it,
 * and each link's label is isolated left-to-right with its real address as its title.
 */
export function MessageText({ text }: { text: string }) {
  return (
    <p dir="auto" className="whitespace-pre-wrap [overflow-wrap:anywhere]">
      {linkify(text).map((part, i) =>
        part.kind === "link" ? (
          <a
            key={i}
            href={part.href}
            title={part.href}
            target="_blank"
            rel="noopener noreferrer"
            className="font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950 dark:text-sky-300 dark:hover:text-sky-200"
          >
            <bdi dir="ltr">{part.text}</bdi>
          </a>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </p>
  );
}
