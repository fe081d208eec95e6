import { writeFileSync } from "node:fs";
import fc from "fast-check";
import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDatabaseHandle, getDb } from "@/db/connection";
import { startLiveDelivery, stopLiveDelivery } from "@/lib/live/hub";
import { computeSummariesFromMessages } from "@/db/queries";
import { conversationSummaries } from "@/db/schema";
import { createMember, sessionCookie } from "../support/members";
import { casePlan } from "./arbitraries";
import { FUZZ_CASES, FUZZ_SEED } from "./harness";
import { buildCase, CSRF_TOKEN, describeCase, runCase, type World } from "./requests";
import { answersJson } from "./routes";

const CASES = FUZZ_CASES;
const SEED = FUZZ_SEED;
const RESET_LIMITS_EVERY = 20; // so that sends keep landing past the 30-per-10-s limit
const SHOWN_FAILURES = 20;

const world: World = { members: [], cookies: [], messageIds: [] };

afterAll(() => stopLiveDelivery());

beforeAll(async () => {
  // The events stream is fuzzed for real: live delivery runs as in the server.
  await startLiveDelivery(await getDatabaseHandle());
  console.info(`route fuzzer: FUZZ_SEED=${SEED} FUZZ_CASES=${CASES}`);
  for (let i = 0; i < 6; i++) world.members.push(await createMember());
  world.cookies = await Promise.all(world.members.map((m) => sessionCookie(m, CSRF_TOKEN)));
});

async function summariesMatchMessages() {
  const db = await getDb();
  const stored = (await db.select().from(conversationSummaries).orderBy(asc(conversationSummaries.ownerId), asc(conversationSummaries.partnerId))).map(
    (r) => ({ owner_id: r.ownerId, partner_id: r.partnerId, last_message_id: r.lastMessageId, unread_count: r.unreadCount }),
  );
  const computed = (await computeSummariesFromMessages(db))
    .map(({ owner_id, partner_id, last_message_id, unread_count }) => ({ owner_id, partner_id, last_message_id, unread_count }))
    .sort((a, b) => a.owner_id - b.owner_id || a.partner_id - b.partner_id);
  return { stored, computed };
}

describe("route fuzzer", () => {
  it(`answers ${CASES} generated requests without a 5xx, in JSON under /messaging/api/, and keeps the summaries exact`, async () => {
    const db = await getDb();
    const started = performance.now();
    const failures: string[] = [];
    let ran = 0;
    let signedIn = 0;
    let sent = 0;
    const sendStatuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(casePlan, async (plan) => {
        if (ran % RESET_LIMITS_EVERY === 0) await db.execute(sql`delete from rate_limits`);
        ran++;
        const built = buildCase(plan, world);
        const outcome = await runCase(plan, built, answersJson(built.path));
        if (!outcome) return;
        if (built.actor !== null && outcome.status !== 401) signedIn++;
        const message = outcome.json?.message as { id?: number } | undefined;
        if (built.path === "/messaging/api/send/") sendStatuses[outcome.status] = (sendStatuses[outcome.status] ?? 0) + 1;
        if (built.path === "/messaging/api/send/" && outcome.status < 300 && typeof message?.id === "number") {
          sent++;
          world.messageIds.push(message.id);
        }
        if (outcome.problems.length) {
          failures.push(`case ${ran} (FUZZ_SEED=${SEED}): ${describeCase(built, world)}\n  ${outcome.problems.join("\n  ")}`);
        }
      }),
      { seed: SEED, numRuns: CASES, endOnFailure: true },
    );
    const { stored, computed } = await summariesMatchMessages();
    const summaryFailure = JSON.stringify(stored) === JSON.stringify(computed) ? 0 : 1;
    console.info(`route fuzzer: ${ran} cases in ${((performance.now() - started) / 1000).toFixed(1)} s, ${signedIn} past sign-in, ${sent} messages sent, ${failures.length} failed; sends answered ${JSON.stringify(sendStatuses)}`);
    if (process.env.FUZZ_REPORT) {
      writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ seed: SEED, cases: ran, failed: failures.length + summaryFailure }));
    }
    expect(failures.slice(0, SHOWN_FAILURES).join("\n\n"), `${failures.length} of ${ran} cases failed`).toBe("");
    expect(stored).toEqual(computed);
    expect(signedIn).toBeGreaterThan(ran / 3); // the handlers' inner logic is reached, not only their 401
    expect(sent).toBeGreaterThan(0);
  }, 60_000 + CASES * 50);
});
