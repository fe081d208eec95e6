import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  conversationPartnersAmong,
  findMemberByUsername,
  listMembers,
  MEMBERS_PER_PAGE,
  updateProfile,
} from "@/db/queries/community";
import { storeMessage } from "../support/messages";
import type { User } from "@/db/schema";
import { createMember } from "../support/members";

// Every test file shares one database: each test tags its members so its searches see only them.
const uniqueTag = () => `t${randomBytes(4).toString("hex")}`;

describe("listMembers", () => {
  let tag: string;
  let ada: User, brian: User, claude: User;

  beforeAll(async () => {
    tag = uniqueTag();
    ada = await createMember({ name: `Ada ${tag}`, headline: "Analytical ENGINES", interests: [tag, "Mathematics"] });
    brian = await createMember({ name: `Brian ${tag}`, headline: "Unix and C", interests: [tag, "writing"] });
    claude = await createMember({ name: `Claude ${tag}`, headline: "100% information_theory", interests: [tag, "juggling"] });
  });

  const names = (members: { name: string }[]) => members.map((m) => m.name);

  it("filters by an interest, case-insensitively and alphabetically by name, with the total", async () => {
    const { members, total } = await listMembers({ interest: tag.toUpperCase() });
    expect(names(members)).toEqual([ada.name, brian.name, claude.name]);
    expect(total).toBe(3);
  });

  it("matches an interest as a whole tag, not a part of one", async () => {
    expect((await listMembers({ interest: tag.slice(0, -1) })).total).toBe(0);
  });

  it("searches name, username, headline and interests as case-insensitive substrings", async () => {
    expect(names((await listMembers({ query: `ADA ${tag}` })).members)).toEqual([ada.name]);
    expect(names((await listMembers({ query: brian.username.slice(3).toUpperCase() })).members)).toEqual([brian.name]);
    expect(names((await listMembers({ query: "engines", interest: tag })).members)).toEqual([ada.name]);
    expect(names((await listMembers({ query: "jugg", interest: tag })).members)).toEqual([claude.name]);
  });

  it("treats % and _ in a search as literal characters", async () => {
    expect(names((await listMembers({ query: "100%", interest: tag })).members)).toEqual([claude.name]);
    // As wildcards, "n_t" would also match "Brian t…" and "_t" every tagged name.
    expect(names((await listMembers({ query: "n_t", interest: tag })).members)).toEqual([claude.name]);
    expect((await listMembers({ query: "%", interest: tag })).total).toBe(1);
    expect((await listMembers({ query: "_t", interest: tag })).total).toBe(1);
  });

  it("combines a search with an interest filter", async () => {
    expect(names((await listMembers({ query: "unix", interest: tag })).members)).toEqual([brian.name]);
    expect((await listMembers({ query: "unix", interest: "mathematics" })).total).toBe(0);
  });

  it("shows only public profile fields, never the email or password hash", async () => {
    const [member] = (await listMembers({ query: `Ada ${tag}` })).members;
    expect(Object.keys(member!).sort()).toEqual(["headline", "id", "interests", "location", "name", "username"]);
  });
});

describe("listMembers pages", () => {
  it(`shows ${MEMBERS_PER_PAGE} members a page, ordered by name then id, with the total of all pages`, async () => {
    const tag = uniqueTag();
    const created: User[] = [];
    for (let i = 0; i < MEMBERS_PER_PAGE + 2; i++) {
      created.push(await createMember({ name: `${tag} member ${String(i).padStart(2, "0")}`, interests: [tag] }));
    }
    const first = await listMembers({ interest: tag, page: 1 });
    const second = await listMembers({ interest: tag, page: 2 });
    const beyond = await listMembers({ interest: tag, page: 3 });
    expect(first.members).toHaveLength(MEMBERS_PER_PAGE);
    expect(first.total).toBe(MEMBERS_PER_PAGE + 2);
    expect([...first.members, ...second.members].map((m) => m.id)).toEqual(created.map((m) => m.id));
    expect(second.total).toBe(MEMBERS_PER_PAGE + 2);
    expect(beyond.members).toEqual([]);
    expect(beyond.total).toBe(MEMBERS_PER_PAGE + 2);
  });
});

describe("findMemberByUsername", () => {
  it("finds a member whatever the case, with the bio; nobody for an unknown name", async () => {
    const member = await createMember({ bio: "Hello there" });
    const found = await findMemberByUsername(member.username.toUpperCase());
    expect(found).toMatchObject({ id: member.id, bio: "Hello there" });
    expect(found).not.toHaveProperty("email");
    expect(await findMemberByUsername(`nobody_${uniqueTag()}`)).toBeUndefined();
  });
});

describe("conversationPartnersAmong", () => {
  it("returns only the owner's own partners among the given members", async () => {
    const [owner, partner, stranger, other] = await Promise.all([createMember(), createMember(), createMember(), createMember()]);
    await storeMessage({ senderId: partner.id, receiverId: owner.id, content: "hi", messageType: null });
    await storeMessage({ senderId: stranger.id, receiverId: other.id, content: "not yours", messageType: null });
    const ids = [partner.id, stranger.id, other.id];
    expect([...(await conversationPartnersAmong(owner.id, ids))]).toEqual([partner.id]);
    expect([...(await conversationPartnersAmong(partner.id, ids))]).toEqual([]);
    expect([...(await conversationPartnersAmong(stranger.id, ids))]).toEqual([other.id]);
    expect(await conversationPartnersAmong(owner.id, [])).toEqual(new Set());
  });
});

describe("updateProfile", () => {
  it("changes only that member's profile fields", async () => {
    const [member, bystander] = await Promise.all([createMember(), createMember({ headline: "Unchanged" })]);
    const changes = { name: "New Name", headline: "New headline", bio: "New bio", location: "Oslo", interests: ["Sailing"] };
    expect(await updateProfile(member.id, changes)).toMatchObject({ id: member.id, username: member.username, ...changes });
    expect(await findMemberByUsername(bystander.username)).toMatchObject({ headline: "Unchanged" });
  });
});
