import type { InputHTMLAttributes } from "react";
import { controlBorder, describedByOf, FieldFrame } from "./field-frame";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string; hint?: string };

/** A labelled input with its error shown beside it and announced to screen readers. */
export function Field({ label, name, error, hint, ...input }: FieldProps) {
  return (
    <FieldFrame label={label} name={name} error={error} hint={hint}>
      <input
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByOf(name, error, hint)}
        className={`min-h-11 rounded-lg border bg-white px-3 text-base dark:bg-slate-900 ${controlBorder(error)}`}
        {...input}
      />
    </FieldFrame>
  );
}
