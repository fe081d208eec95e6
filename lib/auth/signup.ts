import { createUser } from "@/db/queries/users";
import { hashPassword } from "./password";
import { fieldErrorsOf, signupSchema, type FieldErrors } from "./signup-schema";

export type SignupResult = { ok: true } | { ok: false; fieldErrors: FieldErrors };

/**
 * Creates an account from the sign-up form; every problem is reported against its field.
 * An email already registered is answered like a new account (nothing is created), so the
 * form never tells whether an address belongs to a member; usernames are public anyway.
 */
export async function signUp(input: unknown): Promise<SignupResult> {
  const parsed = signupSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { username, email, name, password } = parsed.data;
  const created = await createUser({ username, email: email.toLowerCase(), name, passwordHash: await hashPassword(password) });
  if (created.ok || created.taken === "email") return { ok: true };
  return { ok: false, fieldErrors: { username: "That username is taken. Try another." } };
}
