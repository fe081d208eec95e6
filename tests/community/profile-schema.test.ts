import { describe, expect, it } from "vitest";
import { profileFieldErrors, profileSchema, splitInterests } from "@/lib/community/profile-schema";

const valid = { name: "Ada Lovelace", headline: "Analyst", bio: "Notes on engines.", location: "London", interests: "maths" };
const errorsOf = (input: unknown) => {
  const parsed = profileSchema.safeParse(input);
  return parsed.success ? {} : profileFieldErrors(parsed.error);
};

describe("splitInterests", () => {
  it("splits on commas, trims, drops blanks and dedupes case-insensitively keeping the first spelling", () => {
    expect(splitInterests(" Design, accessibility ,, design ,ACCESSIBILITY,  machine   learning ")).toEqual([
      "Design",
      "accessibility",
      "machine learning",
    ]);
    expect(splitInterests(["Rust", "rust", " "])).toEqual(["Rust"]);
    expect(splitInterests("")).toEqual([]);
  });
});

describe("profileSchema", () => {
  it("trims every field and turns the interests text into tags", () => {
    expect(profileSchema.parse({ ...valid, name: "  Ada  ", interests: "Maths, poetry, maths" })).toEqual({
      ...valid,
      name: "Ada",
      interests: ["Maths", "poetry"],
    });
  });

  it("fills optional fields with empty values", () => {
    expect(profileSchema.parse({ name: "Ada" })).toEqual({ name: "Ada", headline: "", bio: "", location: "", interests: [] });
  });

  it("accepts the limits exactly, counting characters rather than UTF-16 units", () => {
    const emoji = "🙂"; // two UTF-16 units, one character
    const input = {
      name: emoji.repeat(120),
      headline: "h".repeat(160),
      bio: "b".repeat(2000),
      location: "l".repeat(120),
      interests: Array.from({ length: 10 }, (_, i) => `${i}`.padEnd(40, "x")),
    };
    expect(profileSchema.safeParse(input).success).toBe(true);
  });

  it("reports each problem against its own field", () => {
    expect(
      errorsOf({
        name: "   ",
        headline: "h".repeat(161),
        bio: "b".repeat(2001),
        location: "l".repeat(121),
        interests: Array.from({ length: 11 }, (_, i) => `tag ${i}`),
      }),
    ).toEqual({
      name: "Tell people your name.",
      headline: "Headlines are at most 160 characters.",
      bio: "Your bio can be at most 2,000 characters.",
      location: "Locations are at most 120 characters.",
      interests: "List at most 10 interests.",
    });
    expect(errorsOf({ ...valid, name: "n".repeat(121) })).toEqual({ name: "Names are at most 120 characters." });
    expect(errorsOf({ ...valid, interests: `ok, ${"x".repeat(41)}` })).toEqual({
      interests: "Each interest is at most 40 characters.",
    });
  });

  it("counts interests after removing duplicates", () => {
    const eleven = [...Array.from({ length: 10 }, (_, i) => `tag ${i}`), "TAG 0"].join(",");
    expect(profileSchema.parse({ name: "Ada", interests: eleven }).interests).toHaveLength(10);
  });

  it("refuses values of the wrong type with a sentence, not a crash", () => {
    expect(errorsOf({ name: 42, interests: { a: 1 } })).toMatchObject({
      name: expect.any(String),
      interests: "List your interests separated by commas.",
    });
  });
});
