/** A round count ("3", "99+") read out as "3 unread"; grey for a muted conversation. */
export function CountBadge({ count, className = "", testId, muted = false }: { count: number; className?: string; testId?: string; muted?: boolean }) {
  return (
    <span
      data-testid={testId}
      className={`inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full px-1.5 text-xs font-semibold text-white ${
        muted ? "bg-slate-500 dark:bg-slate-600" : "bg-emerald-700"
      } ${className}`}
    >
      {count > 99 ? "99+" : count}
      <span className="sr-only"> unread</span>
    </span>
  );
}
