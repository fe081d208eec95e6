"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useLive } from "@/lib/browser/live/live-provider";
import { leaveSession } from "@/lib/browser/member-session";
import { useState, type FormEvent } from "react";
import { accountDeletionSchema } from "@/lib/auth/account-schemas";
import { api, ApiRequestError } from "@/lib/browser/api";
import { Button } from "./ui/button";
import { Field } from "./ui/field";

/** Deletes the account after the member types their password once more. */
export function DeleteAccountForm() {
  const queryClient = useQueryClient();
  const { memberId } = useLive();
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = accountDeletionSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    setPending(true);
    try {
      await api("/api/account/delete/", { method: "POST", body: parsed.data });
    } catch (failure) {
      setPending(false);
      setError(failure instanceof ApiRequestError ? (failure.fieldErrors?.password ?? failure.message) : "Could not delete your account.");
      return;
    }
    leaveSession(queryClient, memberId);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field
        label="Password to confirm"
        name="password"
        type="password"
        autoComplete="current-password"
        error={error}
        required
      />
      <Button type="submit" disabled={pending} className="self-start bg-red-700 hover:bg-red-800 disabled:bg-red-700/50">
        {pending ? "Deleting…" : "Delete my account"}
      </Button>
    </form>
  );
}
