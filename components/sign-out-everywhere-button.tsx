"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useLive } from "@/lib/browser/live/live-provider";
import { leaveSession } from "@/lib/browser/member-session";
import { useState } from "react";
import { api, ApiRequestError } from "@/lib/browser/api";
import { Button } from "./ui/button";

/** Ends every session of the member, this one included, then goes to the sign-in page. */
export function SignOutEverywhereButton() {
  const queryClient = useQueryClient();
  const { memberId } = useLive();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onClick() {
    setPending(true);
    setError(null);
    try {
      await api("/api/account/sign-out-all/", { method: "POST" });
    } catch (failure) {
      setPending(false);
      setError(failure instanceof ApiRequestError ? failure.message : "Could not sign out your devices.");
      return;
    }
    leaveSession(queryClient, memberId);
  }

  return (
    <div className="flex flex-col gap-2">
      <Button type="button" variant="secondary" onClick={onClick} disabled={pending} className="self-start">
        {pending ? "Signing out…" : "Sign out of all devices"}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
