import type { Page } from "@playwright/test";
import { test as base } from "./fixtures";
import { signUpMember, type NewMember } from "./pages/member-api";

type MemberFixtures = {
  /** A brand-new member, signed in, for conversations no other test touches. */
  newMember: (name: string) => Promise<NewMember>;
  /** A page signed in as such a member, on the project's device. */
  pageFor: (member: NewMember) => Promise<Page>;
};

export const test = base.extend<MemberFixtures>({
  newMember: async ({ baseURL }, use) => {
    const members: NewMember[] = [];
    await use(async (name) => {
      const member = await signUpMember(baseURL!, name);
      members.push(member);
      return member;
    });
    for (const member of members) await member.request.dispose();
  },
  pageFor: async ({ openSignedInPage }, use) => {
    await use(async (member) => openSignedInPage(await member.request.storageState()));
  },
});

export { expect } from "@playwright/test";
