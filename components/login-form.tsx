"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "./ui/button";
import { Field } from "./ui/field";

const ERRORS: Record<string, string> = {
  CredentialsSignin: "That username or email and password do not match. Check them and try again.",
  RateLimited: "Too many sign-in attempts. Wait a few minutes and try again.",
};

export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
    }).catch(() => null);
    if (result?.ok && !result.error) {
      // A full load: the new member starts from empty browser state, whatever this tab showed before.
      window.location.assign(next);
      return;
    }
    setPending(false);
    setError(ERRORS[result?.error ?? ""] ?? "Signing in failed. Check your connection and try again.");
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Username or email" name="username" autoComplete="username" autoCapitalize="none" required />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      {error ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        New here?{" "}
        <Link className="font-medium text-emerald-700 underline dark:text-emerald-400" href={`/signup/?next=${encodeURIComponent(next)}`}>
          Create an account
        </Link>
      </p>
    </form>
  );
}
