"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { api } from "@/lib/browser/api";
import { useValidatedForm } from "@/lib/browser/use-validated-form";
import {
  PROFILE_LIMITS,
  profileFieldErrors,
  profileSchema,
  splitInterests,
} from "@/lib/community/profile-schema";
import { useToast } from "./toaster";
import { Button } from "./ui/button";
import { Field } from "./ui/field";
import { TextareaField } from "./ui/textarea-field";

export type ProfileFormValues = { name: string; headline: string; bio: string; location: string; interests: string[] };

/** Edits the signed-in member's own profile; checked here and again by the server, errors beside each field. */
export function ProfileForm({ username, initial }: { username: string; initial: ProfileFormValues }) {
  const router = useRouter();
  const toast = useToast();
  const { errors, formError, setPending, pending, submit } = useValidatedForm(profileSchema, profileFieldErrors);
  const [interestsText, setInterestsText] = useState(initial.interests.join(", "));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    const saved = await submit(event, (values) => api("/api/account/profile/", { method: "POST", body: values }), "Could not save your profile.");
    if (!saved) return;
    setPending(false);
    setInterestsText(saved.interests.join(", "));
    toast("Profile saved.", "success");
    router.refresh();
  }

  const preview = splitInterests(interestsText);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <Field label="Name" name="name" autoComplete="name" defaultValue={initial.name} error={errors.name} required />
      <Field
        label="Headline"
        name="headline"
        defaultValue={initial.headline}
        hint={`What you do, in a line (${PROFILE_LIMITS.headline} characters at most).`}
        error={errors.headline}
      />
      <Field label="Location" name="location" autoComplete="address-level2" defaultValue={initial.location} error={errors.location} />
      <TextareaField
        label="Bio"
        name="bio"
        rows={5}
        defaultValue={initial.bio}
        hint="What you can help with and what you are looking for."
        error={errors.bio}
      />
      <div className="flex flex-col gap-2">
        <Field
          label="Interests"
          name="interests"
          value={interestsText}
          onChange={(e) => setInterestsText(e.target.value)}
          hint={`Separate them with commas: up to ${PROFILE_LIMITS.interests}, each ${PROFILE_LIMITS.interest} characters at most.`}
          error={errors.interests}
        />
        {preview.length > 0 ? (
          <ul aria-label="Interests preview" className="flex flex-wrap gap-1.5">
            {preview.map((tag) => (
              <li key={tag} className="rounded-full bg-slate-100 px-2.5 py-1 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-200">
                {tag}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {formError ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {formError}
        </p>
      ) : null}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center sm:justify-end">
        <Link
          href={`/community/${username}/`}
          className="inline-flex min-h-11 items-center justify-center rounded-lg px-4 text-sm font-medium text-emerald-700 hover:underline dark:text-emerald-400"
        >
          View your profile
        </Link>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save profile"}
        </Button>
      </div>
    </form>
  );
}
