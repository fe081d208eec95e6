import { findUserByLogin, updatePasswordHash } from "@/db/queries/users";
import { hashPassword, verifyPassword } from "./password";

export type SignedInUser = { id: string; name: string; email: string; username: string };

/** Checks a username-or-email and password; upgrades an old hash on success. */
export async function authorizeCredentials(login: string, password: string): Promise<SignedInUser | null> {
  if (!login.trim() || !password) return null;
  const user = await findUserByLogin(login);
  if (!user) {
    await hashPassword(password); // same cost as a real check, so timing does not reveal members
    return null;
  }
  const check = await verifyPassword(password, user.passwordHash);
  if (!check.ok) {
    if (check.reason === "unknown-format") {
      console.warn(`Sign-in refused for user ${user.id}: stored password hash has an unknown format.`);
    }
    return null;
  }
  if (check.needsRehash) await updatePasswordHash(user.id, await hashPassword(password));
  return { id: String(user.id), name: user.name, email: user.email, username: user.username };
}
