import { describe, expect, it } from "vitest";
import { withTransaction } from "@/db/connection";
import { recordSeen } from "@/db/queries/presence";
import { sendMessage } from "@/lib/messaging/service";
import { createMember } from "../support/members";

// PGlite runs one statement at a time: the lock conflict needs PostgreSQL's concurrent sessions.
const onServer = Boolean(process.env.DATABASE_URL);

describe.skipIf(!onServer)("presence and sends (PostgreSQL)", () => {
  it("a presence update in progress does not hold up a send to or from the same members", async () => {
    const [ann, ben] = [await createMember(), await createMember()];
    let sent: Awaited<ReturnType<typeof sendMessage>> | "blocked" | undefined;
    await withTransaction(async (tx) => {
      await recordSeen([ben.id, ann.id], tx); // holds both rows' locks until this transaction ends
      // A send's foreign-key checks take key-share locks on both members: they must not wait for presence.
      sent = await Promise.race([
        sendMessage(ann.id, { receiverId: ben.id, content: "while presence is written", messageType: "general", idempotencyKey: null }),
        new Promise<"blocked">((resolve) => setTimeout(() => resolve("blocked"), 3_000)),
      ]);
    });
    expect(sent).not.toBe("blocked");
    expect(sent).toMatchObject({ created: true, message: { senderId: ann.id, receiverId: ben.id } });
  }, 15_000);
});
