import { createUser } from "@/db/queries/users";
import { hashPassword } from "./password";
import { fieldErrorsOf, signupSchema, type FieldErrors } from "./signup-schema";

export type SignupResult = { ok: true; userId: number } | { ok: false; fieldErrors: FieldErrors };

/** Creates an account from the sign-up form; every problem is reported against its field. */
export async function signUp(input: unknown): Promise<SignupResult> {
  const parsed = signupSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { username, email, name, password } = parsed.data;
  const created = await createUser({ username, email: email.toLowerCase(), name, passwordHash: await hashPassword(password) });
  if (created.ok) return { ok: true, userId: created.user.id };
  return {
    ok: false,
    fieldErrors:
      created.taken === "username"
        ? { username: "That username is taken. Try another." }
        : { email: "An account with that email already exists. Sign in instead?" },
  };
}
