import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { readLimitedText } from "@/lib/http/body";

describe("readLimitedText", () => {
  it("answers a body cut off mid-way (the client went away) with a 400 sentence, not a 500", async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
        sent = true;
        controller.enqueue(new TextEncoder().encode('{"content":"half'));
      },
    });
    const req = new Request("http://localhost/messaging/api/send/", { method: "POST", body, duplex: "half" } as RequestInit);
    const error = await readLimitedText(req, 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, message: "The request body was cut off before it all arrived." });
  });

  it("reads a whole body and refuses one past the limit with 413", async () => {
    expect(await readLimitedText(new Request("http://localhost/", { method: "POST", body: "hello" }), 16)).toBe("hello");
    const error = await readLimitedText(new Request("http://localhost/", { method: "POST", body: "x".repeat(17) }), 16).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 413 });
  });
});
