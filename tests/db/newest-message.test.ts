import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/connection";
import { POST as send } from "@/app/messaging/api/send/route";
import { newestMessageIdFor } from "@/lib/messaging/service";
import { call } from "../support/http";
import { createMember } from "../support/members";

describe("newestMessageIdFor (where a page's events stream resumes)", () => {
  it("is null before any message, then the newest message sent or received, whoever wrote it", async () => {
    const [ann, ben, cat] = [await createMember(), await createMember(), await createMember()];
    expect(await newestMessageIdFor(ann.id)).toBeNull();
    const idOf = async (from: typeof ann, to: typeof ann) =>
      ((await call(send, "POST", "/messaging/api/send/", { as: from, body: { receiver_id: to.id, content: "hi" } })).json.message as { id: number }).id;
    const first = await idOf(ann, ben);
    expect(await newestMessageIdFor(ann.id)).toBe(first);
    const received = await idOf(cat, ann);
    expect(await newestMessageIdFor(ann.id)).toBe(received);
    expect(await newestMessageIdFor(ben.id)).toBe(first); // someone else's newer message is not Ben's
  });

  it("is the highest id, not the newest by time: imported history has old times under new ids", async () => {
    const [ann, ben, cat] = [await createMember(), await createMember(), await createMember()];
    const recent = ((await call(send, "POST", "/messaging/api/send/", { as: ben, body: { receiver_id: ann.id, content: "today" } })).json.message as { id: number }).id;
    const imported = ((await call(send, "POST", "/messaging/api/send/", { as: cat, body: { receiver_id: ann.id, content: "last year" } })).json.message as { id: number }).id;
    const db = await getDb();
    await db.execute(sql`update messages set "timestamp" = '2025-01-01T00:00:00Z' where id = ${imported}`);
    await db.execute(sql`update conversation_summaries set last_message_at = '2025-01-01T00:00:00Z' where last_message_id = ${imported}`);
    expect(imported).toBeGreaterThan(recent);
    // Resuming after "today" would bring "last year" back as a new message.
    expect(await newestMessageIdFor(ann.id)).toBe(imported);
  });
});
