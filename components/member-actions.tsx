import { displayName, conversationPath } from "@/lib/members";
import Link from "next/link";
import { MessageMemberButton } from "./message-member-button";
import { buttonClass } from "./ui/button";

export type MemberActionsProps = {
  member: { id: number; name: string; username: string };
  isViewer: boolean;
  inConversation: boolean;
};

/** Edit profile on your own card; otherwise Message, with Open conversation when you already talk. */
export function MemberActions({ member, isViewer, inConversation }: MemberActionsProps) {
  const shownName = displayName(member);
  if (isViewer) {
    return (
      <Link href="/settings/profile/" className={buttonClass("secondary", "flex-1 whitespace-nowrap sm:flex-none")}>
        Edit profile
      </Link>
    );
  }
  return (
    <>
      {inConversation ? (
        <Link href={conversationPath(member.id)} className={buttonClass("secondary", "flex-1 whitespace-nowrap sm:flex-none")}>
          Open conversation<span className="sr-only"> with {shownName}</span>
        </Link>
      ) : null}
      <MessageMemberButton member={{ id: member.id, name: shownName }} className="flex-1 whitespace-nowrap sm:flex-none" />
    </>
  );
}
