import { describe, expect, it } from "vitest";
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
});
