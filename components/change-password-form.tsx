"use client";

import { useState, type FormEvent } from "react";
import { passwordChangeSchema } from "@/lib/auth/account-schemas";
import { api, ApiRequestError } from "@/lib/browser/api";
import { firstErrorPerField } from "@/lib/field-errors";
import { useToast } from "./toaster";
import { Button } from "./ui/button";
import { Field } from "./ui/field";

type Errors = Partial<Record<"current_password" | "new_password", string>>;

/** Current password + new one; every other device is signed out, this one stays. */
export function ChangePasswordForm() {
  const toast = useToast();
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = passwordChangeSchema.safeParse(Object.fromEntries(new FormData(form)));
    setFormError(null);
    if (!parsed.success) {
      setErrors(firstErrorPerField(parsed.error, ["current_password", "new_password"]));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      await api("/api/account/password/", { method: "POST", body: parsed.data });
      form.reset();
      toast("Password changed. Your other devices are signed out.", "success");
    } catch (error) {
      const fieldErrors = error instanceof ApiRequestError ? error.fieldErrors : undefined;
      if (fieldErrors) setErrors(fieldErrors);
      else setFormError(error instanceof ApiRequestError ? error.message : "Could not change your password.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Current password" name="current_password" type="password" autoComplete="current-password" error={errors.current_password} required />
      <Field label="New password" name="new_password" type="password" autoComplete="new-password" hint="At least 8 characters." error={errors.new_password} required />
      {formError ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {formError}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
