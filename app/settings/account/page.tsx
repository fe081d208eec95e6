import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ChangePasswordForm } from "@/components/change-password-form";
import { DeleteAccountForm } from "@/components/delete-account-form";
import { SettingsNav } from "@/components/settings-nav";
import { SignOutEverywhereButton } from "@/components/sign-out-everywhere-button";
import { buttonClass } from "@/components/ui/button";
import { requirePageUser } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Account and privacy" };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-8 dark:border-slate-800 dark:bg-slate-900">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default async function AccountSettingsPage() {
  await requirePageUser("/settings/account/");
  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-6 px-4 py-6 sm:py-10">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Account and privacy</h1>
      </header>
      <SettingsNav current="/settings/account/" />
      <Section title="Password">
        <ChangePasswordForm />
      </Section>
      <Section title="Devices">
        <p className="text-sm text-slate-600 dark:text-slate-400">Signed in somewhere you no longer use? End every session, this one included.</p>
        <SignOutEverywhereButton />
      </Section>
      <Section title="Your data">
        <p className="text-sm text-slate-600 dark:text-slate-400">A JSON file with your account details and every message you sent and received.</p>
        <a href="/api/account/export/" download className={buttonClass("secondary", "self-start")}>
          Download my data
        </a>
      </Section>
      <Section title="Delete account">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Your profile leaves the directory and you are signed out everywhere. The members you talked with keep
          their conversations, shown as from “Deleted member”. This cannot be undone.
        </p>
        <DeleteAccountForm />
      </Section>
    </main>
  );
}
