import type { z } from "zod";
import { ApiError, badRequest } from "@/lib/errors";

export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = () => new ApiError(413, "The request body is too large (64 KB at most).");
// The client went away (or its connection broke) mid-body: an answer it will likely never read, but not a 500.
const cutOff = () => badRequest("The request body was cut off before it all arrived.");

/** Reads the body as text, refusing more than `limit` bytes before holding them all. */
export async function readLimitedText(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw cutOff();
    });
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a JSON (or form-encoded) body against `schema`: 413 when too big, 400 when malformed or invalid. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const text = await readLimitedText(req, MAX_BODY_BYTES);
  let raw: unknown;
  if ((req.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded")) {
    raw = Object.fromEntries(new URLSearchParams(text));
  } else {
    if (!text.trim()) throw badRequest("The request body is empty; send a JSON object.");
    try {
      raw = JSON.parse(text);
    } catch {
      throw badRequest("The request body is not valid JSON.");
    }
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw badRequest("The request body must be a JSON object.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? "The request is not valid.");
  return parsed.data;
}

/** Parses query parameters against `schema`; the first problem is the 400's sentence. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? "The query is not valid.");
  return parsed.data;
}
