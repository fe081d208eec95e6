"use client";

import Link from "next/link";
import { ErrorScreen } from "@/components/error-screen";
import { buttonClass } from "@/components/ui/button";

/** A page that failed to render: try again, or go back to the messages. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorScreen
      code="Something went wrong"
      title="This page couldn’t be shown"
      actions={
        <>
          <button type="button" onClick={reset} className={buttonClass("primary")}>
            Try again
          </button>
          <Link href="/messaging/" className={buttonClass("secondary")}>
            Go to your messages
          </Link>
        </>
      }
    >
      It may be a passing problem with the connection or the server. Your messages are safe.
    </ErrorScreen>
  );
}
