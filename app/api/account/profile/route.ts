import { fieldErrorsResponse } from "@/lib/http/json";
import { z } from "zod";
import { parseBody } from "@/lib/http/body";
import { json, memberRoute, methodNotAllowed } from "@/lib/http/route";
import { updateOwnProfile } from "@/lib/community/profile";

/** Saves the signed-in member's profile; field problems come back as `field_errors` for the form to show. */
export const POST = memberRoute(
  async ({ req, user }) => {
    const result = await updateOwnProfile(user.id, await parseBody(req, z.record(z.string(), z.unknown())));
    if (!result.ok) {
      return fieldErrorsResponse(result.fieldErrors);
    }
    const { profile } = result;
    return json({
      profile: {
        id: profile.id,
        username: profile.username,
        name: profile.name,
        headline: profile.headline,
        bio: profile.bio,
        location: profile.location,
        interests: profile.interests,
      },
    });
  },
  { csrf: true },
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
