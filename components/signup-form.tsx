"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import type { FormEvent } from "react";
import { api } from "@/lib/browser/api";
import { useValidatedForm } from "@/lib/browser/use-validated-form";
import { fieldErrorsOf, signupSchema } from "@/lib/auth/signup-schema";
import { Button } from "./ui/button";
import { Field } from "./ui/field";

export function SignupForm({ next }: { next: string }) {
  const { errors, formError, setFormError, setPending, pending, submit } = useValidatedForm(signupSchema, fieldErrorsOf);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    const created = await submit(event, (values) => api("/api/account/signup/", { method: "POST", body: values }), "Could not create the account.");
    if (!created) return;
    const result = await signIn("credentials", { redirect: false, username: created.username, password: created.password });
    if (result?.ok && !result.error) {
      // A full load: the new member starts from empty browser state.
      window.location.assign(next);
    } else {
      // The server answers a registered email like a new one; only this sign-in can tell, and it says no more than a failed sign-in does.
      setPending(false);
      setFormError("We could not sign you in with these details. If you already have an account with this email, sign in instead.");
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Name" name="name" autoComplete="name" error={errors.name} required />
      <Field
        label="Username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        hint="3–30 letters, digits, dots, dashes or underscores."
        error={errors.username}
        required
      />
      <Field label="Email" name="email" type="email" autoComplete="email" error={errors.email} required />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters."
        error={errors.password}
        required
      />
      {formError ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {formError}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Already a member?{" "}
        <Link className="font-medium text-emerald-700 underline dark:text-emerald-400" href={`/login/?next=${encodeURIComponent(next)}`}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
