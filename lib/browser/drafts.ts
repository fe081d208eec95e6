"use client";

import { useLocalValue } from "./local-store";

/** Drafts belong to the member who wrote them (a shared computer may switch members). */
export const draftKey = (me: number, partnerId: number) => `draft:${me}:${partnerId}`;

/** The unsent text of one conversation, kept in localStorage across switching and reloads. */
export function useDraft(me: number, partnerId: number): [string, (draft: string) => void] {
  const [stored, store] = useLocalValue(draftKey(me, partnerId));
  return [stored ?? "", (draft: string) => store(draft.trim() ? draft : null)];
}

/** The draft shown in an inbox row ("" when there is none). */
export function useDraftPreview(me: number, partnerId: number): string {
  const [stored] = useLocalValue(draftKey(me, partnerId));
  return stored?.trim().replace(/\s+/g, " ") ?? "";
}
