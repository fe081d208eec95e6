"use client";

import "./globals.css";

/** When even the site's frame failed: a page of its own, with a way back. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col items-center justify-center gap-4 px-6 text-center">
        <title>Something went wrong · Community Messages</title>
        <h1 className="text-2xl font-bold">Community Messages couldn’t load</h1>
        <p className="max-w-md text-slate-600 dark:text-slate-400">It may be a passing problem. Try again in a moment.</p>
        <div className="flex gap-2">
          <button type="button" onClick={reset} className="min-h-11 rounded-lg bg-emerald-700 px-4 font-medium text-white">
            Try again
          </button>
          {/* A full load on purpose: the app's frame is what failed. */}
          <a href="/messaging/" className="inline-flex min-h-11 items-center rounded-lg px-4 font-medium underline">
            Go to your messages
          </a>
        </div>
      </body>
    </html>
  );
}
