import { updateProfile, type MemberProfile } from "@/db/queries/community";
import { notFound } from "@/lib/errors";
import { profileFieldErrors, profileSchema, type ProfileFieldErrors } from "./profile-schema";

export type ProfileUpdateResult = { ok: true; profile: MemberProfile } | { ok: false; fieldErrors: ProfileFieldErrors };

/** Saves the signed-in member's own profile; every problem is reported against its field. */
export async function updateOwnProfile(userId: number, input: unknown): Promise<ProfileUpdateResult> {
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: profileFieldErrors(parsed.error) };
  const profile = await updateProfile(userId, parsed.data);
  if (!profile) throw notFound("Your account no longer exists.");
  return { ok: true, profile };
}
