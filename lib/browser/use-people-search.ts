"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { PartnerJson } from "@/lib/messaging/wire";
import { api } from "./api";
import { queryKeys } from "./query-keys";
import { useDebouncedValue } from "./use-debounced-value";

async function fetchPeople(query: string, signal: AbortSignal): Promise<PartnerJson[]> {
  const answer = await api<{ users: PartnerJson[] }>(`/messaging/api/search-users/?q=${encodeURIComponent(query)}`, { signal });
  return answer.users;
}

/** Members matching what is typed, asked for once typing pauses. */
export function usePeopleSearch(text: string) {
  const query = useDebouncedValue(text.trim(), 250);
  const search = useQuery({
    queryKey: queryKeys.userSearch(query),
    queryFn: ({ signal }) => fetchPeople(query, signal),
    enabled: query.length > 0,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  return { query, people: query ? (search.data ?? []) : [], searching: search.isFetching, error: search.error };
}
