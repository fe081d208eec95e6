"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { api } from "./api";
import { withMuted } from "./live/apply-event";
import { queryKeys } from "./query-keys";

/**
 * The member's muted conversations, kept on the server so a mute follows them
 * to every device. The page draws with the list the server read (the providers
 * seed it); live `mute` events keep it current, and a reconnection asks again.
 */
function useMutesQuery(): number[] {
  const { data } = useQuery({
    queryKey: queryKeys.mutes(),
    queryFn: ({ signal }) => api<{ muted: number[] }>("/messaging/api/mutes/", { signal }).then((d) => d.muted),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  return data ?? [];
}

/** The muted partners' ids, as a set. */
export function useMutedIds(): Set<number> {
  const ids = useMutesQuery();
  return new Set(ids);
}

/** Whether one conversation is muted, and a switch that says so to the server (shown at once; undone if refused). */
export function useMuted(partnerId: number): [boolean, (muted: boolean) => Promise<void>] {
  const queryClient = useQueryClient();
  const muted = useMutesQuery().includes(partnerId);
  const setMuted = useCallback(
    async (on: boolean) => {
      const key = queryKeys.mutes();
      queryClient.setQueryData<number[]>(key, (ids = []) => withMuted(ids, partnerId, on));
      try {
        await api("/messaging/api/mutes/", { method: "POST", body: { user_id: partnerId, muted: on }, keepalive: true });
      } catch (error) {
        queryClient.setQueryData<number[]>(key, (ids = []) => withMuted(ids, partnerId, !on));
        throw error;
      }
    },
    [queryClient, partnerId],
  );
  return [muted, setMuted];
}
