import { createHash } from "node:crypto";
import { clearRateLimit, hitRateLimit } from "@/db/queries/rate-limits";
import { findUserByLogin } from "@/db/queries/users";
import { tooManyRequests } from "@/lib/errors";

export { clientAddress } from "./client-address";

const WINDOW_SECONDS = 15 * 60;
const PER_ACCOUNT = 10;
const PER_ADDRESS = 100;

const hashed = (text: string) => createHash("sha256").update(text).digest("base64url");

/**
 * The counter of a sign-in login: the member it resolves to (the provider's
 * own lookup, so username and email share one count), or for unknown logins
 * the case-folded text, hashed so that any length fits the key.
 */
export async function signInAccountKey(login: string): Promise<string> {
  const member = login.trim() ? await findUserByLogin(login) : undefined;
  return member ? `login:member:${member.id}` : `login:unknown:${hashed(login.trim().toLowerCase())}`;
}

const minutesSentence = (seconds: number) => {
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
};

/** Counts a sign-in attempt; too many for one account or one address in 15 minutes is a 429. */
export async function checkSignInAllowed(login: string, address: string): Promise<void> {
  const [account, source] = await Promise.all([
    signInAccountKey(login).then((key) => hitRateLimit(key, WINDOW_SECONDS)),
    hitRateLimit(`login:address:${hashed(address)}`, WINDOW_SECONDS),
  ]);
  const blocked = account.count > PER_ACCOUNT ? account : source.count > PER_ADDRESS ? source : null;
  if (blocked) {
    throw tooManyRequests(
      `Too many sign-in attempts. Wait ${minutesSentence(blocked.retryAfterSeconds)} and try again.`,
      blocked.retryAfterSeconds,
    );
  }
}

/** A successful sign-in forgets the account's failed attempts. */
export const clearSignInFailures = async (login: string) => clearRateLimit(await signInAccountKey(login));

const SIGNUPS_PER_ADDRESS = 50;
const SIGNUP_WINDOW_SECONDS = 60 * 60;

/** Counts an account creation; more than 50 from one address in an hour is a 429. */
export async function checkSignUpAllowed(address: string): Promise<void> {
  const hit = await hitRateLimit(`signup:address:${hashed(address)}`, SIGNUP_WINDOW_SECONDS);
  if (hit.count > SIGNUPS_PER_ADDRESS) {
    throw tooManyRequests(
      `Too many accounts created from your network. Wait ${minutesSentence(hit.retryAfterSeconds)} and try again.`,
      hit.retryAfterSeconds,
    );
  }
}
