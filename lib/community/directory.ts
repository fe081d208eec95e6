import "server-only";
import { cache } from "react";
import {
  conversationPartnersAmong,
  findMemberByUsername,
  listMembers,
  MEMBERS_PER_PAGE,
  type MemberCard,
  type MemberProfile,
} from "@/db/queries/community";
import { getConversationSummary } from "@/db/queries/conversations";
import { hasNul } from "@/lib/storable-text";
import type { DirectoryQuery } from "./directory-query";

export type DirectoryEntry = MemberCard & { isViewer: boolean; inConversation: boolean };

export type DirectoryPage = {
  entries: DirectoryEntry[];
  total: number;
  page: number;
  pageCount: number;
};

/** A page of the directory as the viewer sees it: which card is theirs and whom they already talk with. */
export async function directoryPage(viewerId: number, query: DirectoryQuery): Promise<DirectoryPage> {
  if (hasNul(query.q) || hasNul(query.interest)) return { entries: [], total: 0, page: query.page, pageCount: 1 };
  const { members, total } = await listMembers({ query: query.q, interest: query.interest, page: query.page });
  const partners = await conversationPartnersAmong(viewerId, members.map((m) => m.id));
  return {
    entries: members.map((m) => ({ ...m, isViewer: m.id === viewerId, inConversation: partners.has(m.id) })),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / MEMBERS_PER_PAGE)),
  };
}

export type MemberProfileView = { profile: MemberProfile; isViewer: boolean; inConversation: boolean };

/** A member's public profile by username; one query per request however many times a render asks. */
export const findMember = cache((username: string) => findMemberByUsername(username));

/** A member's profile page as the viewer sees it; undefined for an unknown username. */
export async function memberProfileFor(viewerId: number, username: string): Promise<MemberProfileView | undefined> {
  const profile = await findMember(username);
  if (!profile) return undefined;
  const isViewer = profile.id === viewerId;
  const inConversation = !isViewer && Boolean(await getConversationSummary(viewerId, profile.id));
  return { profile, isViewer, inConversation };
}
