import { z } from "zod";
import { firstErrorPerField } from "@/lib/field-errors";
import { hasNul } from "@/lib/storable-text";

/** The sign-up form, checked the same way in the browser and on the server. */
export const signupSchema = z.object({
  username: z
    .string()
    .trim()
    .min(3, "Usernames are at least 3 characters.")
    .max(30, "Usernames are at most 30 characters.")
    .regex(/^[a-zA-Z0-9_.-]+$/, "Use only letters, digits, dots, dashes and underscores."),
  email: z.string().trim().max(254, "That email address is too long.").pipe(z.email("Enter a valid email address.")),
  name: z
    .string()
    .refine((s) => !hasNul(s), "Names cannot contain the NUL character (U+0000).")
    .trim()
    .min(1, "Tell people your name.")
    .max(120, "Names are at most 120 characters."),
  password: z
    .string()
    .min(8, "Passwords are at least 8 characters.")
    .max(200, "Passwords are at most 200 characters."),
});

export type SignupInput = z.infer<typeof signupSchema>;
export type SignupField = keyof SignupInput;
export type FieldErrors = Partial<Record<SignupField, string>>;

/** The first problem of each field, for showing beside it. */
export const fieldErrorsOf = (error: z.ZodError): FieldErrors =>
  firstErrorPerField(error, Object.keys(signupSchema.shape) as SignupField[]);
