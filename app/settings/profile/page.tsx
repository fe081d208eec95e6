import type { Metadata } from "next";
import { NotificationSettings } from "@/components/notification-settings";
import { ProfileForm } from "@/components/profile-form";
import { SettingsNav } from "@/components/settings-nav";
import { findOwnProfile } from "@/db/queries/users";
import { requirePageUser } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfileSettingsPage() {
  const member = await requirePageUser("/settings/profile/");
  const user = (await findOwnProfile(member.id))!;
  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-6 px-4 py-6 sm:py-10">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Your profile</h1>
        <p className="text-slate-600 dark:text-slate-400">This is what members see on your card in the community directory.</p>
      </header>
      <SettingsNav current="/settings/profile/" />
      <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-8 dark:border-slate-800 dark:bg-slate-900">
        <ProfileForm
          username={user.username}
          initial={{ name: user.name, headline: user.headline, bio: user.bio, location: user.location, interests: user.interests }}
        />
      </section>
      <NotificationSettings />
    </main>
  );
}
