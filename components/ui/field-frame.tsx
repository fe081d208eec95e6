import type { ReactNode } from "react";

/** The aria-describedby of a field: its error and its hint, when shown. */
export const describedByOf = (name: string, error?: string, hint?: string) =>
  [error ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(" ") || undefined;

export const controlBorder = (error?: string) =>
  error ? "border-red-500" : "border-slate-300 dark:border-slate-700";

/** A label above a control, with its hint or its error below, announced with it. */
export function FieldFrame(props: { label: string; name: string; error?: string; hint?: string; children: ReactNode }) {
  const { label, name, error, hint, children } = props;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${name}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
