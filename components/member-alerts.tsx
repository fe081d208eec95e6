"use client";

import dynamic from "next/dynamic";
import { MessageAlerts } from "./message-alerts";

// Draws nothing on the first paint: its code loads after the page is interactive. The alerts cannot wait:
// they must listen before the event stream (opened on hydration) brings the first message.
const OfflineBanner = dynamic(() => import("./offline-banner").then((m) => m.OfflineBanner), { ssr: false });

/** What a signed-in member's pages add: the offline banner and the alerts for new messages. */
export function MemberAlerts({ me }: { me: number }) {
  return (
    <>
      <OfflineBanner />
      <MessageAlerts me={me} />
    </>
  );
}
