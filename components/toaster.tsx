"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { ToastCard, type Tone } from "./toast-card";

/**
 * `href` makes the toast a link (a new message opens its conversation); `title` is shown above the text;
 * toasts of one `group` (one conversation's messages) collapse into one showing the latest text.
 */
export type ToastOptions = { href?: string; title?: string; group?: string };
type Toast = ToastOptions & { id: number; text: string; tone: Tone; repeats: number };
export type ShowToast = (text: string, tone?: Tone, options?: ToastOptions) => void;

const ToastContext = createContext<ShowToast>(() => {});

const MAX_SHOWN = 3;
const SHOWN_MS = 5000;

/**
 * Short notices, read out politely by screen readers. They sit at the top on
 * phones and the top right on laptops, never over the composer; a repeat of
 * the one already shown (or another of its group) counts up instead of stacking, and at most three show.
 * Each hides by itself after 5 s, or at once with its Dismiss button (or a swipe up on a phone).
 */
export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((all) => all.filter((t) => t.id !== id));
  }, []);

  const dismissLater = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.set(
      id,
      setTimeout(() => dismiss(id), SHOWN_MS),
    );
  }, [dismiss]);

  const show = useCallback<ShowToast>(
    (text, tone = "info", options = {}) => {
      setToasts((all) => {
        const same = options.group
          ? all.find((t) => t.group === options.group)
          : all.find((t) => t.text === text && t.title === options.title && t.tone === tone);
        if (same) {
          dismissLater(same.id);
          return all.map((t) => (t === same ? { ...t, ...options, text, repeats: t.repeats + 1 } : t));
        }
        const id = nextId.current++;
        dismissLater(id);
        return [...all.slice(-(MAX_SHOWN - 1)), { id, text, tone, repeats: 1, ...options }];
      });
    },
    [dismissLater],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div
        aria-live="polite"
        role="status"
        className="pointer-events-none fixed inset-x-0 top-2 z-50 flex flex-col items-center gap-2 px-3 md:top-16 md:items-end md:px-4"
      >
        {toasts.map((t) => (
          <ToastCard key={t.id} {...t} onDismiss={() => dismiss(t.id)} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
