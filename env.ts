import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  // Connections each process keeps to PostgreSQL (a send holds one from BEGIN to COMMIT).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(20),
  DATA_DIR: z.string().min(1).default(".data"),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // How many proxies in front of the app append to X-Forwarded-For; 0 = clients connect directly.
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string };

let cached: Env | undefined;

/** The environment, read and validated once. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE || undefined,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || undefined,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || undefined,
    TRUST_PROXY_HOPS: process.env.TRUST_PROXY_HOPS || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = { ...parsed.data, dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), parsed.data.DATA_DIR) };
  return cached;
}

/**
 * The secret that signs sessions. On the embedded database a random one is
 * generated once and kept beside the data, so `npm run dev` needs no setup.
 */
export function authSecret(): string {
  const e = env();
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  if (e.DATABASE_URL && e.NODE_ENV === "production") {
    throw new Error("NEXTAUTH_SECRET must be set in production when DATABASE_URL is used.");
  }
  const file = path.join(e.dataDir, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(e.dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

export const secureCookies = () => env().NEXTAUTH_URL?.startsWith("https://") ?? false;
