import { Suspense, type ReactNode } from "react";
import { InboxPaneLoader } from "@/components/inbox-pane-loader";
import { MessagingPanes } from "@/components/messaging-panes";
import { InboxSkeleton } from "@/components/skeletons";
import { currentUser } from "@/lib/auth/page-session";

/** The inbox beside every messaging page (a skeleton until it is read); the pages themselves send visitors to sign in. */
export default async function MessagingLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) return children;
  return (
    <MessagingPanes
      inbox={
        <Suspense fallback={<InboxSkeleton />}>
          <InboxPaneLoader me={user.id} />
        </Suspense>
      }
    >
      {children}
    </MessagingPanes>
  );
}
