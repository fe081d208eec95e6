import Link from "next/link";

const TABS = [
  { href: "/settings/profile/", label: "Profile" },
  { href: "/settings/account/", label: "Account and privacy" },
] as const;

/** The two settings pages, the current one marked. */
export function SettingsNav({ current }: { current: (typeof TABS)[number]["href"] }) {
  return (
    <nav aria-label="Settings" className="flex gap-2 border-b border-slate-200 dark:border-slate-800">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className="inline-flex min-h-11 items-center border-b-2 border-transparent px-3 text-sm font-medium text-slate-600 aria-[current=page]:border-emerald-700 aria-[current=page]:text-slate-900 dark:text-slate-400 dark:aria-[current=page]:text-slate-100"
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
