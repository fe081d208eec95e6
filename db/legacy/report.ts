import type { ImportReport } from "./import";
import { QUARANTINE_REASONS, type QuarantineReason } from "./resolve";

const n = (value: number) => value.toLocaleString("en-US");
const pad = (value: number) => n(value).padStart(8);

/** True when every message of the old app ended either delivered or in quarantine. */
export const reconciles = (r: ImportReport) =>
  r.messages.delivered.total + r.messages.quarantined.total === r.messages.total;

/** The report the import prints: what arrived, what was kept aside and why, and whether it adds up. */
export function formatReport(r: ImportReport): string[] {
  const { members, messages } = r;
  const already = (o: { total: number; added: number }) => `${n(o.added)} added, ${n(o.total - o.added)} already here`;
  const lines = [
    "Import from the old messaging app",
    "",
    `Members        ${pad(members.total)}  (${n(members.added)} added, ${n(members.alreadyImported)} already here)`,
  ];
  for (const x of members.renamed.slice(0, 20)) lines.push(`  renamed #${x.id}: "${x.from}" -> "${x.to}" (username taken)`);
  if (members.renamed.length > 20) lines.push(`  ... and ${n(members.renamed.length - 20)} more renamed`);
  const emptyEmails = members.emailReplaced.filter((x) => x.reason === "empty").length;
  const takenEmails = members.emailReplaced.length - emptyEmails;
  if (members.emailReplaced.length > 0) {
    lines.push(`  placeholder email for ${n(members.emailReplaced.length)} (${n(emptyEmails)} empty, ${n(takenEmails)} taken): they sign in with their username`);
  }
  for (const x of members.emailReplaced.filter((e) => e.reason === "taken").slice(0, 20)) {
    lines.push(`  email of #${x.id} "${x.from}" is already used by another member`);
  }
  if (members.inactive > 0) lines.push(`  inactive in the old app (cannot sign in): ${n(members.inactive)}`);
  const formats = Object.entries(members.passwordFormats).sort(([, a], [, b]) => b - a);
  lines.push(`  passwords: ${formats.map(([f, c]) => `${f} ${n(c)}`).join(", ")}`);
  const resettable = formats.filter(([f]) => f !== "pbkdf2_sha256" && f !== "unusable").reduce((s, [, c]) => s + c, 0);
  if (resettable > 0) lines.push(`  ${n(resettable)} member(s) have a password format the app cannot check: they must reset it`);
  lines.push(
    `Conversations  ${pad(r.conversations.total)}  (${already(r.conversations)})`,
    `Participants   ${pad(r.participants.total)}  (${already({ total: r.participants.total - r.participants.skipped, added: r.participants.added })}${r.participants.skipped ? `, ${n(r.participants.skipped)} skipped: not a member` : ""})`,
    "",
    `Messages in the old app         ${pad(messages.total)}`,
    `  delivered to a member         ${pad(messages.delivered.total)}  (${already(messages.delivered)})`,
    `  kept in quarantine            ${pad(messages.quarantined.total)}  (${already(messages.quarantined)})`,
  );
  for (const [reason, count] of Object.entries(messages.quarantined.byReason)) {
    lines.push(`    ${pad(count!)}  ${QUARANTINE_REASONS[reason as QuarantineReason]}`);
  }
  const sum = messages.delivered.total + messages.quarantined.total;
  lines.push(
    reconciles(r)
      ? `  delivered + quarantined = ${n(sum)} = messages in the old app: nothing lost`
      : `  MISMATCH: delivered + quarantined = ${n(sum)}, but the old app has ${n(messages.total)} (did it change during the import?)`,
  );
  const unknown = Object.entries(messages.unknownTypes);
  if (unknown.length > 0) {
    const count = unknown.reduce((s, [, c]) => s + c, 0);
    lines.push(`  unknown message types stored as "general": ${n(count)} (${unknown.map(([t, c]) => `"${t}" ${n(c)}`).join(", ")})`);
  }
  lines.push("", `Next ids: member ${n(r.nextIds.users)}, message ${n(r.nextIds.messages)}`);
  return lines;
}
