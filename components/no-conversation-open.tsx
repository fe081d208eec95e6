/** The right pane on laptops before a conversation is chosen. */
export function NoConversationOpen() {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 bg-slate-50 px-8 text-center dark:bg-slate-950">
      <span aria-hidden="true" className="inline-flex h-20 w-20 items-center justify-center rounded-full bg-white text-emerald-700 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:text-emerald-300 dark:ring-slate-800">
        <svg viewBox="0 0 24 24" className="h-10 w-10" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
          <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z" />
          <path d="M8.5 12h.01M12 12h.01M15.5 12h.01" />
        </svg>
      </span>
      <h2 className="text-lg font-semibold">Your messages</h2>
      <p className="max-w-sm text-sm text-slate-600 dark:text-slate-400">
        Choose a conversation on the left, or start a new one with anyone in the community.
      </p>
    </div>
  );
}
