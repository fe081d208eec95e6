"use client";

import Link from "next/link";
import { useSwipeUp } from "@/lib/browser/use-swipe-up";

export type Tone = "info" | "error" | "success";
export type ToastCardProps = { text: string; tone: Tone; title?: string; href?: string; repeats: number; onDismiss: () => void };

const TONES: Record<Tone, string> = {
  error: "bg-red-700 text-white",
  success: "bg-emerald-700 text-white",
  info: "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900",
};

/** One toast: its text (a link when it leads somewhere) and a Dismiss button; on phones a swipe up throws it away too. */
export function ToastCard({ text, tone, title, href, repeats, onDismiss }: ToastCardProps) {
  const { offset, handlers } = useSwipeUp(onDismiss);
  const body = (
    <>
      {title ? <span className="block font-semibold">{title}</span> : null}
      <span className={title ? "line-clamp-2" : undefined}>{text}</span>
      {repeats > 1 ? <span className="ml-2 rounded-full bg-white/20 px-1.5 text-xs font-semibold">×{repeats}</span> : null}
    </>
  );
  const bodyClass = "block min-w-0 flex-1 py-3 pl-4 text-left";
  return (
    <div
      data-testid="toast-card"
      {...handlers}
      style={offset ? { transform: `translateY(${offset}px)`, opacity: 1 + offset / 120 } : undefined}
      className={`pointer-events-auto flex w-full max-w-sm touch-none items-start rounded-lg text-sm shadow-lg ${offset ? "" : "transition-transform"} ${TONES[tone]}`}
    >
      {href ? (
        <Link href={href} data-testid="toast" className={`${bodyClass} hover:opacity-95`}>
          {body}
        </Link>
      ) : (
        <div data-testid="toast" className={bodyClass}>
          {body}
        </div>
      )}
      <button
        type="button"
        onClick={onDismiss}
        className="inline-flex h-11 w-11 shrink-0 items-center justify-center rounded-lg opacity-80 hover:bg-black/10 hover:opacity-100 focus-visible:opacity-100"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
        <span className="sr-only">Dismiss</span>
      </button>
    </div>
  );
}
