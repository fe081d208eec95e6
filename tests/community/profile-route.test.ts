import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/account/profile/route";
import { findMemberByUsername, listMembers } from "@/db/queries/community";
import { call } from "../support/http";
import { createMember } from "../support/members";

const PATH = "/api/account/profile/";
const profile = { name: "Grace Hopper", headline: "Rear admiral, compilers", bio: "Nanoseconds.", location: "Arlington", interests: "COBOL, compilers, cobol" };

describe("POST /api/account/profile/", () => {
  it("saves the signed-in member's profile and the directory shows it", async () => {
    const member = await createMember();
    const res = await call(POST, "POST", PATH, { as: member, body: profile });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      success: true,
      profile: { ...profile, id: member.id, username: member.username, interests: ["COBOL", "compilers"] },
    });
    const { members } = await listMembers({ query: member.username });
    expect(members).toEqual([
      expect.objectContaining({ id: member.id, name: "Grace Hopper", headline: "Rear admiral, compilers", interests: ["COBOL", "compilers"] }),
    ]);
  });

  it("answers 400 with a sentence per field and changes nothing", async () => {
    const member = await createMember({ headline: "Before" });
    const res = await call(POST, "POST", PATH, {
      as: member,
      body: { name: "", headline: "h".repeat(161), interests: "x".repeat(41) },
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      success: false,
      error: "Please correct the highlighted fields.",
      field_errors: {
        name: "Tell people your name.",
        headline: "Headlines are at most 160 characters.",
        interests: "Each interest is at most 40 characters.",
      },
    });
    expect(await findMemberByUsername(member.username)).toMatchObject({ headline: "Before" });
  });

  it("needs a signed-in member (401) and the CSRF token (403)", async () => {
    const member = await createMember();
    expect((await call(POST, "POST", PATH, { body: profile })).status).toBe(401);
    const missing = await call(POST, "POST", PATH, { as: member, body: profile, csrf: "missing" });
    expect(missing.status).toBe(403);
    const wrong = await call(POST, "POST", PATH, { as: member, body: profile, csrf: "wrong" });
    expect(wrong.status).toBe(403);
    const crossSite = await call(POST, "POST", PATH, { as: member, body: profile, headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    expect(await findMemberByUsername(member.username)).toMatchObject({ name: member.name });
  });

  it("answers 400 for a malformed body and 413 for a huge one, never 500", async () => {
    const member = await createMember();
    const malformed = await call(POST, "POST", PATH, { as: member, rawBody: "{not json", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect(malformed.json.success).toBe(false);
    const array = await call(POST, "POST", PATH, { as: member, body: [profile] });
    expect(array.status).toBe(400);
    const huge = await call(POST, "POST", PATH, { as: member, body: { ...profile, bio: "b".repeat(70_000) } });
    expect(huge.status).toBe(413);
  });

  it("answers other methods with a JSON 405", async () => {
    const res = await call(GET, "GET", PATH);
    expect(res.status).toBe(405);
    expect(res.json).toMatchObject({ success: false });
  });
});
