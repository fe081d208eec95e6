import type { TextareaHTMLAttributes } from "react";
import { controlBorder, describedByOf, FieldFrame } from "./field-frame";

type TextareaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
};

/** A labelled textarea with its error shown beside it, like Field. */
export function TextareaField({ label, name, error, hint, ...textarea }: TextareaFieldProps) {
  return (
    <FieldFrame label={label} name={name} error={error} hint={hint}>
      <textarea
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByOf(name, error, hint)}
        className={`min-h-28 rounded-lg border bg-white px-3 py-2 text-base dark:bg-slate-900 ${controlBorder(error)}`}
        {...textarea}
      />
    </FieldFrame>
  );
}
