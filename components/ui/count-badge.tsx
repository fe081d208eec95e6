/** A round count ("3", "99+") read out as "3 unread". */
export function CountBadge({ count, className = "", testId }: { count: number; className?: string; testId?: string }) {
  return (
    <span
      data-testid={testId}
      className={`inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-emerald-700 px-1.5 text-xs font-semibold text-white ${className}`}
    >
      {count > 99 ? "99+" : count}
      <span className="sr-only"> unread</span>
    </span>
  );
}
