import type { LegacyUser } from "./source";

/** A member of the app already in the target database. */
export type ExistingMember = { id: number; username: string; email: string };

export type MemberRow = {
  id: number;
  username: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string | null;
};

export type MemberPlan = {
  /** Rows still to insert (members already imported by an earlier run are left out). */
  rows: MemberRow[];
  alreadyImported: number;
  renamed: { id: number; from: string; to: string }[];
  emailReplaced: { id: number; from: string; reason: "empty" | "taken" }[];
  inactive: number;
  passwordFormats: Record<string, number>;
  /** Old ids held by a different member of the app: nothing can be imported until they are freed. */
  idConflicts: { id: number; legacyUsername: string; existingUsername: string }[];
};

// Django refuses inactive members; the app has no such flag, so their hash is made unusable (and kept, for reactivation).
export const INACTIVE_PREFIX = "!inactive$";

const lower = (s: string) => s.toLowerCase();

/** Usernames a legacy member may end up with, in order of preference; all are stable across runs. */
const usernameChoices = (u: LegacyUser) => [u.username, `${u.username}-${u.id}`, `legacy-${u.id}`].map((s) => s.slice(0, 150));

export const placeholderEmail = (id: number) => `legacy-user-${id}@legacy.invalid`;

function passwordFormat(hash: string): string {
  if (!hash) return "empty";
  if (hash.startsWith("!")) return "unusable";
  return hash.split("$")[0] || "unknown";
}

/**
 * Decides how each member of the old app is stored, keeping ids. Usernames and
 * emails must be unique case-insensitively here but not in Django: the member
 * with the lowest id (or a member already in the app) keeps the name, others are
 * renamed `<username>-<id>`; an empty or taken email becomes a placeholder.
 * Never merges two accounts: that would hand one person's messages to another.
 */
export function planMembers(legacy: LegacyUser[], existing: ExistingMember[]): MemberPlan {
  const legacyIds = new Set(legacy.map((u) => u.id));
  const existingById = new Map(existing.map((m) => [m.id, m]));
  const usernames = new Map<string, number>();
  const emails = new Map<string, number>();
  for (const m of existing) {
    if (legacyIds.has(m.id)) continue; // decided below, as a legacy member
    usernames.set(lower(m.username), m.id);
    emails.set(lower(m.email), m.id);
  }
  const plan: MemberPlan = {
    rows: [],
    alreadyImported: 0,
    renamed: [],
    emailReplaced: [],
    inactive: 0,
    passwordFormats: {},
    idConflicts: [],
  };
  const sorted = [...legacy].sort((a, b) => a.id - b.id);
  for (const u of sorted) {
    const password = u.password ?? "";
    const format = passwordFormat(password);
    plan.passwordFormats[format] = (plan.passwordFormats[format] ?? 0) + 1;
    if (u.is_active === false) plan.inactive++;

    const choices = usernameChoices(u);
    const present = existingById.get(u.id);
    if (present) {
      if (choices.some((c) => lower(c) === lower(present.username))) {
        plan.alreadyImported++;
        usernames.set(lower(present.username), u.id);
        emails.set(lower(present.email), u.id);
      } else {
        plan.idConflicts.push({ id: u.id, legacyUsername: u.username, existingUsername: present.username });
      }
      continue;
    }
    const free = (name: string) => (usernames.get(lower(name)) ?? u.id) === u.id;
    const username = choices.find(free) ?? choices[choices.length - 1]!;
    usernames.set(lower(username), u.id);
    if (username !== u.username) plan.renamed.push({ id: u.id, from: u.username, to: username });

    let email = lower((u.email ?? "").trim());
    if (!email || (emails.get(email) ?? u.id) !== u.id) {
      plan.emailReplaced.push({ id: u.id, from: u.email ?? "", reason: email ? "taken" : "empty" });
      email = placeholderEmail(u.id);
    }
    emails.set(email, u.id);

    const name = [u.first_name, u.last_name].map((s) => (s ?? "").trim()).filter(Boolean).join(" ");
    plan.rows.push({
      id: u.id,
      username,
      email,
      name: name.slice(0, 120),
      password_hash: u.is_active === false ? `${INACTIVE_PREFIX}${password}` : password,
      created_at: u.date_joined,
    });
  }
  return plan;
}
