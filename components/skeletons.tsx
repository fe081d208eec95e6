/** Grey shapes where content is on its way, announced once as loading. */
const BAR = "animate-pulse rounded bg-slate-200 dark:bg-slate-800";

export function InboxSkeleton() {
  return (
    <div role="status" aria-label="Loading conversations" data-testid="inbox-skeleton" className="flex min-h-0 flex-1 flex-col">
      <div className="flex min-h-16 shrink-0 items-center border-b border-slate-200 px-4 text-xl font-semibold tracking-tight dark:border-slate-800">
        Messages
      </div>
      {Array.from({ length: 7 }, (_, i) => (
        <div key={i} className="flex min-h-[72px] items-center gap-3 px-3 py-2 sm:px-4">
          <span className={`${BAR} h-11 w-11 shrink-0 rounded-full`} />
          <span className="flex flex-1 flex-col gap-2">
            <span className={`${BAR} h-4 w-1/2`} />
            <span className={`${BAR} h-3 w-4/5`} />
          </span>
        </div>
      ))}
    </div>
  );
}

export function ConversationSkeleton() {
  const widths = ["w-2/3", "w-1/2 self-end", "w-3/5", "w-1/3 self-end", "w-1/2"];
  return (
    <div role="status" aria-label="Loading the conversation" data-testid="conversation-skeleton" className="flex min-h-0 flex-1 flex-col">
      <div className="flex min-h-16 items-center gap-3 border-b border-slate-200 px-4 dark:border-slate-800">
        <span className={`${BAR} h-11 w-11 rounded-full`} />
        <span className={`${BAR} h-4 w-40`} />
      </div>
      <div className="flex flex-1 flex-col justify-end gap-3 bg-slate-100 p-4 dark:bg-slate-950">
        {widths.map((width, i) => (
          <span key={i} className={`${BAR} h-10 rounded-2xl ${width}`} />
        ))}
      </div>
      <div className="flex h-[68px] items-center gap-2 border-t border-slate-200 px-3 dark:border-slate-800">
        <span className={`${BAR} h-11 flex-1 rounded-2xl`} />
      </div>
    </div>
  );
}

export function DirectorySkeleton() {
  return (
    <div role="status" aria-label="Loading the community" data-testid="directory-skeleton" data-streaming-fallback className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-4 py-6 sm:py-10">
      <span className={`${BAR} h-9 w-48`} />
      <span className={`${BAR} h-11 w-full rounded-lg`} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex h-48 flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
            <span className="flex items-center gap-3">
              <span className={`${BAR} h-11 w-11 rounded-full`} />
              <span className={`${BAR} h-4 w-1/2`} />
            </span>
            <span className={`${BAR} h-3 w-4/5`} />
            <span className={`${BAR} h-3 w-3/5`} />
          </div>
        ))}
      </div>
    </div>
  );
}
