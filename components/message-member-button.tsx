"use client";

import { conversationPath } from "@/lib/members";
import Link from "next/link";
import { useRef, useState } from "react";
import { useHydrated } from "@/lib/browser/use-hydrated";
import { emptyDraft, MessageComposerDialog, type ComposerDraft } from "./message-composer-dialog";
import { buttonClass } from "./ui/button";

/**
 * The card's Message button: opens the composer in a dialog. Before the page's
 * script runs (or without it) it is a plain link to the conversation page.
 */
export function MessageMemberButton({ member, className = "" }: { member: { id: number; name: string }; className?: string }) {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  // Kept while the dialog is closed, so reopening it finds the draft where it was left.
  const [draft, setDraft] = useState<ComposerDraft>(emptyDraft);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const label = (
    <>
      Message<span className="sr-only"> {member.name}</span>
    </>
  );
  if (!hydrated) {
    return (
      <Link href={conversationPath(member.id)} className={buttonClass("primary", className)}>
        {label}
      </Link>
    );
  }
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        className={buttonClass("primary", className)}
      >
        {label}
      </button>
      {open ? (
        <MessageComposerDialog
          member={member}
          draft={draft}
          onDraftChange={setDraft}
          onClose={() => {
            setOpen(false);
            buttonRef.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
