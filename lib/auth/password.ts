import { pbkdf2, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { promisify } from "node:util";

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: ScryptOptions,
) => Promise<Buffer>;
const pbkdf2Async = promisify(pbkdf2);

// scrypt with 32 MiB of memory per hash: memory-hard, ~100 ms here.
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, { ...COST, maxmem: 64 * 1024 * 1024 });
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export type PasswordCheck =
  | { ok: true; needsRehash: boolean }
  | { ok: false; reason: "mismatch" | "unknown-format" };

/** Verifies a password against our scrypt hashes and the old app's Django pbkdf2_sha256 hashes. */
export async function verifyPassword(password: string, stored: string): Promise<PasswordCheck> {
  const parts = stored.split("$");
  if (parts[0] === "scrypt" && parts.length === 6) {
    const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
    const expected = Buffer.from(key, "base64");
    const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 };
    const actual = await scryptAsync(password, Buffer.from(salt, "base64"), expected.length, options);
    const ok = timingSafeEqual(actual, expected);
    return ok ? { ok, needsRehash: Number(n) !== COST.N || Number(r) !== COST.r } : { ok, reason: "mismatch" };
  }
  if (parts[0] === "pbkdf2_sha256" && parts.length === 4) {
    const [, iterations, salt, key] = parts as [string, string, string, string];
    const expected = Buffer.from(key, "base64");
    const rounds = Number(iterations);
    if (!Number.isInteger(rounds) || rounds < 1 || rounds > 10_000_000 || expected.length === 0) {
      return { ok: false, reason: "unknown-format" };
    }
    const actual = await pbkdf2Async(password, salt, rounds, expected.length, "sha256");
    return timingSafeEqual(actual, expected) ? { ok: true, needsRehash: true } : { ok: false, reason: "mismatch" };
  }
  return { ok: false, reason: "unknown-format" };
}
