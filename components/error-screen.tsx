import type { ReactNode } from "react";

/** The branded frame of the 404 and error pages: the mark, a heading, a sentence and the ways back. */
export function ErrorScreen({ code, title, children, actions }: { code: string; title: string; children: ReactNode; actions: ReactNode }) {
  return (
    <main className="flex flex-1 flex-col items-center justify-center gap-4 px-6 py-16 text-center">
      <span aria-hidden="true" className="inline-flex h-16 w-16 items-center justify-center rounded-2xl bg-emerald-700 text-3xl text-white shadow-sm">
        ◆
      </span>
      <p className="text-sm font-semibold tracking-wide text-emerald-800 uppercase dark:text-emerald-300">{code}</p>
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
      <p className="max-w-md text-slate-600 dark:text-slate-400">{children}</p>
      <div className="mt-2 flex flex-wrap justify-center gap-2">{actions}</div>
    </main>
  );
}
