"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

type Toast = { id: number; text: string; tone: "info" | "error" | "success" };
type ShowToast = (text: string, tone?: Toast["tone"]) => void;

const ToastContext = createContext<ShowToast>(() => {});

/** Short notices at the bottom of the screen, read out politely by screen readers. */
export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const show = useCallback<ShowToast>((text, tone = "info") => {
    const id = nextId.current++;
    setToasts((all) => [...all.slice(-2), { id, text, tone }]);
    setTimeout(() => setToasts((all) => all.filter((t) => t.id !== id)), 5000);
  }, []);
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div
        aria-live="polite"
        role="status"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4"
      >
        {toasts.map((t) => (
          <div
            key={t.id}
            data-testid="toast"
            className={`pointer-events-auto max-w-md rounded-lg px-4 py-3 text-sm shadow-lg ${
              t.tone === "error"
                ? "bg-red-600 text-white"
                : t.tone === "success"
                  ? "bg-emerald-700 text-white"
                  : "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900"
            }`}
          >
            {t.text}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
