/** Bottom right of the list while scrolled up: "↓ 3 new messages" when some arrived below, else a plain arrow. */
export function NewMessagesButton({ unseen, onClick }: { unseen: number; onClick: () => void }) {
  const arrow = (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M12 5v14M6 13l6 6 6-6" />
    </svg>
  );
  if (unseen > 0) {
    return (
      <button
        type="button"
        onClick={onClick}
        data-testid="new-messages-pill"
        className="absolute bottom-4 left-1/2 inline-flex min-h-11 -translate-x-1/2 items-center gap-1.5 rounded-full bg-emerald-700 px-4 text-sm font-semibold text-white shadow-lg hover:bg-emerald-800"
      >
        {arrow}
        {unseen === 1 ? "New message" : `${unseen} new messages`}
      </button>
    );
  }
  return (
    <button
      type="button"
      onClick={onClick}
      className="absolute right-4 bottom-4 inline-flex h-11 w-11 items-center justify-center rounded-full bg-white text-slate-700 shadow-lg ring-1 ring-slate-200 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700"
    >
      {arrow}
      <span className="sr-only">Jump to the latest message</span>
    </button>
  );
}
