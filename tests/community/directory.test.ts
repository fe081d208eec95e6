import { describe, expect, it } from "vitest";
import { storeMessage } from "../support/messages";
import { directoryPage, memberProfileFor } from "@/lib/community/directory";
import { directoryHref, parseDirectoryQuery } from "@/lib/community/directory-query";
import { createMember } from "../support/members";

describe("parseDirectoryQuery", () => {
  it("reads the search, interest and page, falling back to page 1 for anything unusable", () => {
    expect(parseDirectoryQuery({ q: "  ada ", interest: "Design", page: "3" })).toEqual({ q: "ada", interest: "Design", page: 3 });
    expect(parseDirectoryQuery({})).toEqual({ q: "", interest: "", page: 1 });
    for (const page of ["0", "-2", "abc", "1.5", "99999999"]) expect(parseDirectoryQuery({ page }).page).toBe(1);
    expect(parseDirectoryQuery({ q: ["first", "second"] }).q).toBe("first");
    expect(parseDirectoryQuery({ q: "x".repeat(500) }).q).toBe("");
  });
});

describe("directoryHref", () => {
  it("leaves out empty filters and page 1, and encodes the rest", () => {
    expect(directoryHref({})).toBe("/community/");
    expect(directoryHref({ q: "", interest: "", page: 1 })).toBe("/community/");
    expect(directoryHref({ q: "a&b", interest: "open source", page: 2 })).toBe("/community/?q=a%26b&interest=open+source&page=2");
  });
});

describe("directoryPage", () => {
  it("marks the viewer's own card and the members the viewer already talks with", async () => {
    const tag = `dir${Date.now().toString(36)}`;
    const [viewer, partner, stranger] = await Promise.all(
      ["Ann", "Ben", "Cat"].map((name) => createMember({ name: `${name} ${tag}`, interests: [tag] })),
    );
    await storeMessage({ senderId: viewer!.id, receiverId: partner!.id, content: "hello", messageType: "coffee_chat" });
    const page = await directoryPage(viewer!.id, { q: "", interest: tag, page: 1 });
    expect(page).toMatchObject({ total: 3, page: 1, pageCount: 1 });
    expect(page.entries.map((e) => [e.id, e.isViewer, e.inConversation])).toEqual([
      [viewer!.id, true, false],
      [partner!.id, false, true],
      [stranger!.id, false, false],
    ]);
  });
});

describe("memberProfileFor", () => {
  it("shows a profile with the viewer's relation to it; nothing for an unknown username", async () => {
    const [viewer, partner] = await Promise.all([createMember(), createMember({ bio: "About me" })]);
    await storeMessage({ senderId: partner.id, receiverId: viewer.id, content: "hi", messageType: null });
    expect(await memberProfileFor(viewer.id, partner.username)).toMatchObject({
      profile: { id: partner.id, bio: "About me" },
      isViewer: false,
      inConversation: true,
    });
    expect(await memberProfileFor(viewer.id, viewer.username)).toMatchObject({ isViewer: true, inConversation: false });
    expect(await memberProfileFor(viewer.id, "no-such-member-here")).toBeUndefined();
  });
});
