"use client";

import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { ApiRequestError } from "./api";

type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * The submit flow of a form checked here and again by the server: parse the
 * fields with the shared schema, send, and show each problem beside its field
 * (ours or the server's `field_errors`), or one sentence for the whole form.
 */
export function useValidatedForm<T, F extends string>(
  schema: z.ZodType<T>,
  fieldErrorsOf: (error: z.ZodError) => FieldErrors<F>,
) {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  /** Resolves to the sent values, or null when the form or the server refused them. `pending` stays on after success. */
  async function submit(event: FormEvent<HTMLFormElement>, send: (values: T) => Promise<unknown>, failure: string): Promise<T | null> {
    event.preventDefault();
    const parsed = schema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    setFormError(null);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return null;
    }
    setErrors({});
    setPending(true);
    try {
      await send(parsed.data);
      return parsed.data;
    } catch (error) {
      setPending(false);
      const fromServer = error instanceof ApiRequestError ? error.fieldErrors : undefined;
      if (fromServer) setErrors(fromServer as FieldErrors<F>);
      else setFormError(error instanceof ApiRequestError ? error.message : failure);
      return null;
    }
  }

  return { errors, formError, setFormError, pending, setPending, submit };
}
