"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { LiveProvider } from "@/lib/browser/live/live-provider";
import { makeQueryClient } from "@/lib/browser/query-client";
import { Toaster } from "./toaster";

/**
 * Browser state for one member: the layout keys this by the signed-in member,
 * so a change of member (sign-out, sign-in as someone else) starts from an empty cache.
 */
export function Providers({ memberId, children }: { memberId: number | null; children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={client}>
      <LiveProvider memberId={memberId}>
        <Toaster>{children}</Toaster>
      </LiveProvider>
    </QueryClientProvider>
  );
}
