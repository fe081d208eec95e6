import { z } from "zod";
import { firstErrorPerField } from "@/lib/field-errors";
import { hasNul } from "@/lib/storable-text";

export const PROFILE_LIMITS = { name: 120, headline: 160, bio: 2000, location: 120, interests: 10, interest: 40 } as const;

// Counted in characters (code points), as PostgreSQL's varchar limits are.
const characters = (text: string) => [...text].length;

const NO_NUL = "This cannot contain the NUL character (U+0000).";

const text = (max: number, message: string) =>
  z
    .string({ error: message })
    .refine((s) => !hasNul(s), NO_NUL)
    .trim()
    .refine((s) => characters(s) <= max, message);

/** "Design, accessibility ,design" → ["Design", "accessibility"]: trimmed, blanks dropped, first spelling kept. */
export function splitInterests(input: string | string[]): string[] {
  const items = (Array.isArray(input) ? input : input.split(",")).map((s) => s.trim().replace(/\s+/g, " "));
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (!item || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const interests = z
  .union([z.string(), z.array(z.string())], { error: "List your interests separated by commas." })
  .refine((input) => ![input].flat().some(hasNul), NO_NUL)
  .transform(splitInterests)
  .refine((list) => list.length <= PROFILE_LIMITS.interests, `List at most ${PROFILE_LIMITS.interests} interests.`)
  .refine(
    (list) => list.every((tag) => characters(tag) <= PROFILE_LIMITS.interest),
    `Each interest is at most ${PROFILE_LIMITS.interest} characters.`,
  );

/** The profile form, checked the same way in the browser and on the server. */
export const profileSchema = z.object({
  name: text(PROFILE_LIMITS.name, `Names are at most ${PROFILE_LIMITS.name} characters.`).refine(
    (s) => s.length > 0,
    "Tell people your name.",
  ),
  headline: text(PROFILE_LIMITS.headline, `Headlines are at most ${PROFILE_LIMITS.headline} characters.`).default(""),
  bio: text(PROFILE_LIMITS.bio, `Your bio can be at most ${PROFILE_LIMITS.bio.toLocaleString("en")} characters.`).default(""),
  location: text(PROFILE_LIMITS.location, `Locations are at most ${PROFILE_LIMITS.location} characters.`).default(""),
  interests: interests.default([]),
});

export type ProfileInput = z.input<typeof profileSchema>;
export type Profile = z.output<typeof profileSchema>;
export type ProfileField = keyof Profile;
export type ProfileFieldErrors = Partial<Record<ProfileField, string>>;

/** The first problem of each field, for showing beside it. */
export const profileFieldErrors = (error: z.ZodError): ProfileFieldErrors =>
  firstErrorPerField(error, Object.keys(profileSchema.shape) as ProfileField[]);
