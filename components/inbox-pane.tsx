"use client";

import { useState } from "react";
import type { InboxPage } from "@/lib/browser/inbox-rows";
import { InboxList } from "./inbox-list";
import { PeopleSearch } from "./people-search";

/** The left pane (the whole screen on phones): the inbox, or the people search behind "New message". */
export function InboxPane({ me, initial }: { me: number; initial: InboxPage }) {
  const [searching, setSearching] = useState(false);
  return (
    <section aria-labelledby="inbox-title" className="flex min-h-0 flex-1 flex-col bg-white dark:bg-slate-900">
      <div className="flex min-h-16 shrink-0 items-center justify-between gap-2 border-b border-slate-200 px-4 dark:border-slate-800">
        <h1 id="inbox-title" className="text-xl font-semibold tracking-tight">
          {searching ? "New message" : "Messages"}
        </h1>
        <button
          type="button"
          onClick={() => setSearching((open) => !open)}
          aria-expanded={searching}
          aria-controls={searching ? "people-search-panel" : undefined}
          className="inline-flex min-h-11 items-center gap-2 rounded-full px-3 text-sm font-semibold text-emerald-800 hover:bg-emerald-50 dark:text-emerald-300 dark:hover:bg-emerald-950"
        >
          {searching ? (
            "Cancel"
          ) : (
            <>
              <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                <path d="M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z" />
              </svg>
              New message
            </>
          )}
        </button>
      </div>
      {searching ? (
        <PeopleSearch onClose={() => setSearching(false)} />
      ) : (
        <InboxList me={me} initial={initial} onNewMessage={() => setSearching(true)} />
      )}
    </section>
  );
}
