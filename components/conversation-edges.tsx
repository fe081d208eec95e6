import { displayName } from "@/lib/members";
import type { PartnerJson } from "@/lib/messaging/wire";
import { Avatar } from "./ui/avatar";

/** The top of a conversation with more history: loads on scroll, or with this button from the keyboard. */
export function OlderMessages({ loading, failed, onLoad }: { loading: boolean; failed: boolean; onLoad: () => void }) {
  return (
    <div className="flex justify-center py-3">
      <button
        type="button"
        onClick={onLoad}
        disabled={loading}
        className="inline-flex min-h-11 items-center gap-2 rounded-full bg-white px-4 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-slate-200 hover:bg-slate-50 disabled:cursor-wait dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700"
      >
        {loading ? (
          <span aria-hidden="true" className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-emerald-600" />
        ) : null}
        {loading ? "Loading earlier messages…" : failed ? "Couldn't load earlier messages. Try again" : "Load earlier messages"}
      </button>
    </div>
  );
}

/** The very beginning: who this is, and an invitation when nothing has been said yet. */
export function ConversationStart({ partner, empty }: { partner: PartnerJson; empty: boolean }) {
  const name = displayName(partner);
  return (
    <div className="flex flex-col items-center gap-2 px-4 pt-8 pb-4 text-center">
      <Avatar id={partner.id} name={name} size="lg" />
      <p className="text-base font-semibold">{name}</p>
      {partner.headline ? <p className="text-sm text-slate-600 dark:text-slate-400">{partner.headline}</p> : null}
      <p className="mt-1 max-w-xs text-sm text-slate-600 dark:text-slate-400">
        {empty ? `Say hello — this is the start of your conversation with ${name}.` : `This is the start of your conversation with ${name}.`}
      </p>
    </div>
  );
}
