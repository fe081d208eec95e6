import { displayName } from "@/lib/members";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InterestTags } from "@/components/interest-tag";
import { LocationLine } from "@/components/location-line";
import { MemberActions } from "@/components/member-actions";
import { Avatar } from "@/components/ui/avatar";
import { requirePageUser } from "@/lib/auth/page-session";
import { findMember, memberProfileFor } from "@/lib/community/directory";
import { usernameSegment } from "@/lib/http/params";

type Props = { params: Promise<{ username: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const username = usernameSegment((await params).username);
  const member = username === null ? undefined : await findMember(username);
  return { title: member ? displayName(member) : "Member not found" };
}

export default async function MemberProfilePage({ params }: Props) {
  const segment = (await params).username;
  const username = usernameSegment(segment);
  const viewer = await requirePageUser(`/community/${encodeURIComponent(username ?? segment)}/`);
  if (username === null) notFound();
  const view = await memberProfileFor(viewer.id, username);
  if (!view) notFound();
  const { profile } = view;
  const shownName = displayName(profile);
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-4 px-4 py-6 sm:py-10">
      <Link href="/community/" className="self-start text-sm font-medium text-emerald-700 hover:underline dark:text-emerald-400">
        ← Community
      </Link>
      <article className="overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <div aria-hidden="true" className="h-24 bg-gradient-to-r from-emerald-500 via-teal-500 to-sky-500 sm:h-32" />
        <div className="flex flex-col gap-5 px-5 pb-6 sm:px-8">
          <div className="-mt-8 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
            <span className="inline-flex self-start rounded-full ring-4 ring-white dark:ring-slate-900">
              <Avatar id={profile.id} name={shownName} size="lg" />
            </span>
            <div className="flex flex-wrap gap-2 sm:mt-12">
              <MemberActions member={profile} isViewer={view.isViewer} inConversation={view.inConversation} />
            </div>
          </div>
          <header>
            <h1 className="text-2xl font-bold tracking-tight">{shownName}</h1>
            <p className="text-slate-500 dark:text-slate-400">@{profile.username}</p>
            {profile.headline ? <p className="mt-2 text-lg text-slate-800 dark:text-slate-200">{profile.headline}</p> : null}
          </header>
          {profile.location ? <LocationLine location={profile.location} /> : null}
          {profile.bio ? (
            <section aria-labelledby="about-heading" className="flex flex-col gap-1">
              <h2 id="about-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
                About
              </h2>
              <p className="whitespace-pre-line text-slate-800 dark:text-slate-200">{profile.bio}</p>
            </section>
          ) : null}
          {profile.interests.length > 0 ? (
            <section aria-labelledby="interests-heading" className="flex flex-col gap-2">
              <h2 id="interests-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
                Interests
              </h2>
              <InterestTags interests={profile.interests} />
            </section>
          ) : null}
        </div>
      </article>
    </main>
  );
}
