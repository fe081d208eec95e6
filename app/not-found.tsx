import type { Metadata } from "next";
import Link from "next/link";
import { ErrorScreen } from "@/components/error-screen";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

/** Any address the site does not have. */
export default function NotFound() {
  return (
    <ErrorScreen
      code="404"
      title="This page doesn’t exist"
      actions={
        <>
          <Link href="/messaging/" className={buttonClass("primary")}>
            Go to your messages
          </Link>
          <Link href="/community/" className={buttonClass("secondary")}>
            Browse the community
          </Link>
        </>
      }
    >
      The link may be old or mistyped. Everything else is where you left it.
    </ErrorScreen>
  );
}
