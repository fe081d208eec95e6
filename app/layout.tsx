import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { MemberAlerts } from "@/components/member-alerts";
import { Providers } from "@/components/providers";
import { SiteHeader } from "@/components/site-header";
import { currentUser } from "@/lib/auth/page-session";
import { mutedPartnersFor, newestMessageIdFor } from "@/lib/messaging/service";
import { CLOCK_COOKIE, readerClock } from "@/lib/reader-clock";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Community Messages", template: "%s · Community Messages" },
  description: "Find members of the community and talk to them directly.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  interactiveWidget: "resizes-content",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the nonce renders every page per request, which the nonce-based CSP needs.
  await headers();
  const member = await currentUser();
  // The events stream resumes after this, so a message sent while the page streams in is not missed.
  const [newestMessageId, mutedIds] = member
    ? await Promise.all([newestMessageIdFor(member.id), mutedPartnersFor(member.id)])
    : [null, null];
  // Times are drawn on the server in the reader's zone (told in a cookie), so hydration moves nothing.
  const clock = readerClock((await cookies()).get(CLOCK_COOKIE)?.value, new Date());
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
        >
          Skip to content
        </a>
        <Providers key={member?.id ?? "guest"} memberId={member?.id ?? null} newestMessageId={newestMessageId} mutedIds={mutedIds} clock={clock}>
          <SiteHeader />
          {member ? <MemberAlerts me={member.id} /> : null}
          <div id="main" className="flex min-h-0 flex-1 flex-col">
            {children}
          </div>
        </Providers>
      </body>
    </html>
  );
}
