"use client";

import { displayName, conversationPath } from "@/lib/members";
import Link from "next/link";
import { useState } from "react";
import { usePeopleSearch } from "@/lib/browser/use-people-search";
import { Avatar } from "./ui/avatar";

/** "New message": find a member by name or username and open the conversation with them. */
export function PeopleSearch({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState("");
  const { query, people, searching, error } = usePeopleSearch(text);
  const status = !query
    ? "Type a name or username to find someone to message."
    : error
      ? "Search is not available right now. Try again in a moment."
      : people.length === 0
        ? searching
          ? "Searching…"
          : `No one matches “${query}”.`
        : `${people.length} ${people.length === 1 ? "person" : "people"} found.`;

  return (
    <div id="people-search-panel" className="flex min-h-0 flex-1 flex-col">
      <div className="border-b border-slate-200 p-3 dark:border-slate-800">
        <label htmlFor="people-search" className="sr-only">
          Search people
        </label>
        <input
          id="people-search"
          type="search"
          // The panel opened because the member asked to search: put them in the box.
          autoFocus
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === "Escape" && onClose()}
          placeholder="Search people by name"
          aria-describedby="people-search-status"
          className="min-h-11 w-full rounded-full border border-slate-300 bg-slate-50 px-4 text-base placeholder:text-slate-500 focus:bg-white dark:border-slate-700 dark:bg-slate-800 dark:placeholder:text-slate-400"
        />
      </div>
      <p
        id="people-search-status"
        aria-live="polite"
        className={people.length ? "sr-only" : "px-4 py-6 text-center text-sm text-slate-600 dark:text-slate-400"}
      >
        {status}
      </p>
      <ul aria-label="People" className="min-h-0 flex-1 overflow-y-auto">
        {people.map((person) => (
          <li key={person.id}>
            <Link
              href={conversationPath(person.id)}
              onClick={onClose}
              className="flex min-h-16 items-center gap-3 px-4 py-2 outline-offset-[-2px] hover:bg-slate-50 dark:hover:bg-slate-800/60"
            >
              <Avatar id={person.id} name={displayName(person)} />
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium">{displayName(person)}</span>
                <span className="block truncate text-sm text-slate-600 dark:text-slate-400">
                  {person.headline || `@${person.username}`}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
