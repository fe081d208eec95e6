import { z } from "zod";
import { signupSchema } from "./signup-schema";

const currentPassword = z.string().min(1, "Enter your current password.").max(1_024, "That password is too long.");

/** The change-password form, checked the same way in the browser and on the server. */
export const passwordChangeSchema = z.object({
  current_password: currentPassword,
  new_password: signupSchema.shape.password,
});
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;

/** Deleting an account asks for the password once more. */
export const accountDeletionSchema = z.object({ password: currentPassword });
export type AccountDeletionInput = z.infer<typeof accountDeletionSchema>;
