import type { Executor } from "../connection";
import { planMembers, type MemberPlan } from "./members";
import { mapMessageType, participantsByConversation, QUARANTINE_REASONS, resolveReceiver, type QuarantineReason } from "./resolve";
import {
  countLegacyMessages,
  missingLegacyTables,
  readLegacyConversations,
  readLegacyMessages,
  readLegacyParticipants,
  readLegacyUsers,
  type SqlRunner,
} from "./source";
import {
  insertConversations,
  insertDelivered,
  insertMembers,
  insertParticipants,
  insertQuarantined,
  moveSequencePastIds,
  readMembers,
  type DeliveredRow,
  type QuarantineRow,
} from "./write";

/** A problem that stops the import before it writes anything wrong; its message is for the operator. */
export class LegacyImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LegacyImportError";
  }
}

export type ImportOptions = {
  /** Where the old Django tables are read from (may be the target itself). */
  source: SqlRunner;
  /** The app's database. */
  target: Executor;
  batchSize?: number;
  /** Called after each committed batch of messages (progress; tests use it to interrupt a run). */
  afterBatch?: (batch: number, report: ImportReport) => void | Promise<void>;
};

type Outcome = { total: number; added: number };

export type ImportReport = {
  members: Omit<MemberPlan, "rows"> & { total: number; added: number };
  conversations: Outcome;
  participants: Outcome & { skipped: number };
  messages: {
    total: number;
    delivered: Outcome;
    quarantined: Outcome & { byReason: Partial<Record<QuarantineReason, number>> };
    unknownTypes: Record<string, number>;
    batches: number;
  };
  nextIds: { users: number; messages: number };
};

/**
 * Copies the old app's members, conversations and messages into the app.
 * Safe to run again and to resume: every write is keyed by the old id
 * (ON CONFLICT DO NOTHING), the members and conversations go in one
 * transaction, and messages in batches that each commit whole.
 */
export async function importLegacy({ source, target, batchSize = 1000, afterBatch }: ImportOptions): Promise<ImportReport> {
  const missing = await missingLegacyTables(source);
  if (missing.length > 0) {
    throw new LegacyImportError(
      `The old app's tables are missing from the source database: ${missing.join(", ")}. ` +
        "Set LEGACY_DATABASE_URL to the old app's database.",
    );
  }
  const [legacyUsers, conversations, participants, total] = await Promise.all([
    readLegacyUsers(source),
    readLegacyConversations(source),
    readLegacyParticipants(source),
    countLegacyMessages(source),
  ]);
  const plan = planMembers(legacyUsers, await readMembers(target));
  if (plan.idConflicts.length > 0) {
    const sample = plan.idConflicts
      .slice(0, 10)
      .map((c) => `#${c.id} (old "${c.legacyUsername}", here "${c.existingUsername}")`)
      .join(", ");
    throw new LegacyImportError(
      `${plan.idConflicts.length} member id(s) of the old app already belong to other members here: ${sample}. ` +
        "Members keep their ids, so import into a database without those members (a fresh one). Nothing was written.",
    );
  }

  const memberIds = new Set(legacyUsers.map((u) => u.id));
  const knownParticipants = participants.filter((p) => memberIds.has(p.user_id));
  const { rows: memberRows, ...memberReport } = plan;
  const report: ImportReport = {
    members: { ...memberReport, total: legacyUsers.length, added: 0 },
    conversations: { total: conversations.length, added: 0 },
    participants: { total: participants.length, added: 0, skipped: participants.length - knownParticipants.length },
    messages: {
      total,
      delivered: { total: 0, added: 0 },
      quarantined: { total: 0, added: 0, byReason: {} },
      unknownTypes: {},
      batches: 0,
    },
    nextIds: { users: 0, messages: 0 },
  };

  await target.transaction(async (tx) => {
    report.members.added = await insertMembers(tx, memberRows);
    report.conversations.added = await insertConversations(tx, conversations);
    report.participants.added = await insertParticipants(tx, knownParticipants);
  });
  report.nextIds.users = await moveSequencePastIds(target, "users");

  const members = participantsByConversation(participants);
  const { messages } = report;
  let afterId = 0;
  for (;;) {
    const batch = await readLegacyMessages(source, afterId, batchSize);
    if (batch.length === 0) break;
    afterId = batch[batch.length - 1]!.id;
    const delivered: DeliveredRow[] = [];
    const quarantined: QuarantineRow[] = [];
    for (const m of batch) {
      const resolution = resolveReceiver(m, members, memberIds);
      if ("receiverId" in resolution) {
        const { type, unknown } = mapMessageType(m.message_type);
        if (unknown) messages.unknownTypes[m.message_type!] = (messages.unknownTypes[m.message_type!] ?? 0) + 1;
        delivered.push({ ...m, receiver_id: resolution.receiverId, message_type: type });
      } else {
        const reason = resolution.quarantine;
        messages.quarantined.byReason[reason] = (messages.quarantined.byReason[reason] ?? 0) + 1;
        quarantined.push({ ...m, reason: QUARANTINE_REASONS[reason] });
      }
    }
    await target.transaction(async (tx) => {
      const { added, clashes } = await insertDelivered(tx, delivered);
      if (clashes.length > 0) {
        throw new LegacyImportError(
          `Message id(s) ${clashes.slice(0, 10).join(", ")} already belong to other messages here. ` +
            "Messages keep their ids, so import into a database without those messages. Batches before this one were kept.",
        );
      }
      messages.delivered.added += added;
      messages.quarantined.added += await insertQuarantined(tx, quarantined);
    });
    messages.delivered.total += delivered.length;
    messages.quarantined.total += quarantined.length;
    messages.batches++;
    await afterBatch?.(messages.batches, report);
  }
  report.nextIds.messages = await moveSequencePastIds(target, "messages");
  return report;
}
