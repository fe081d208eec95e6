import { clearRateLimit, hitRateLimit } from "@/db/queries/rate-limits";
import { tooManyRequests } from "@/lib/errors";

const WINDOW_SECONDS = 15 * 60;
const PER_ACCOUNT = 10;
const PER_ADDRESS = 100;

export const clientAddress = (req: Request) =>
  req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || "local";

const accountKey = (login: string) => `login:account:${login.trim().toLowerCase()}`;

/** Counts a sign-in attempt; too many for one account or one address in 15 minutes is a 429. */
export async function checkSignInAllowed(login: string, address: string): Promise<void> {
  const [account, source] = await Promise.all([
    hitRateLimit(accountKey(login), WINDOW_SECONDS),
    hitRateLimit(`login:address:${address}`, WINDOW_SECONDS),
  ]);
  const blocked = account.count > PER_ACCOUNT ? account : source.count > PER_ADDRESS ? source : null;
  if (blocked) {
    const minutes = Math.ceil(blocked.retryAfterSeconds / 60);
    throw tooManyRequests(
      `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
      blocked.retryAfterSeconds,
    );
  }
}

/** A successful sign-in forgets the account's failed attempts. */
export const clearSignInFailures = (login: string) => clearRateLimit(accountKey(login));

const SIGNUPS_PER_ADDRESS = 50;
const SIGNUP_WINDOW_SECONDS = 60 * 60;

/** Counts an account creation; more than 50 from one address in an hour is a 429. */
export async function checkSignUpAllowed(address: string): Promise<void> {
  const hit = await hitRateLimit(`signup:address:${address}`, SIGNUP_WINDOW_SECONDS);
  if (hit.count > SIGNUPS_PER_ADDRESS) {
    const minutes = Math.ceil(hit.retryAfterSeconds / 60);
    throw tooManyRequests(
      `Too many accounts created from your network. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
      hit.retryAfterSeconds,
    );
  }
}
