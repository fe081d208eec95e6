import { z } from "zod";
import { idRangeSentence, parseId, type IdKind } from "@/lib/http/params";
import { hasNul } from "@/lib/storable-text";
import { MAX_MESSAGE_LENGTH, MESSAGE_TYPE_VALUES } from "./message-types";

/** An id given as a JSON number or a string of digits, within its column's range (lib/http/params). */
export const idSchema = (what: string, kind: IdKind) =>
  z
    .union([z.number(), z.string()], { error: idRangeSentence(what, kind) })
    .transform((raw, ctx) => {
      const id = parseId(typeof raw === "number" ? (Number.isInteger(raw) ? String(raw) : "") : raw, kind);
      if (id === null) {
        ctx.addIssue({ code: "custom", message: idRangeSentence(what, kind) });
        return z.NEVER;
      }
      return id;
    });

const characters = (text: string) => [...text].length;

// Format characters (zero-width spaces and joiners, bidi marks, BOM) and blank look-alikes show nothing on their own.
const INVISIBLE = /[\s\p{Cf}\u2800\u3164\uFFA0\u115F\u1160]/gu;
const hasVisibleText = (text: string) => text.replace(INVISIBLE, "").length > 0;

export const sendMessageSchema = z
  .object({
    receiver_id: idSchema("receiver_id", "user").optional(),
    recipient_id: idSchema("recipient_id", "user").optional(),
    content: z
      .string({ error: "Write a message to send (content is missing)." })
      .refine((s) => !hasNul(s), "Messages cannot contain the NUL character (U+0000).")
      .transform((s) => s.trim())
      .refine(hasVisibleText, "A message cannot be empty.")
      .refine((s) => characters(s) <= MAX_MESSAGE_LENGTH, "Messages are at most 5,000 characters."),
    message_type: z
      .enum(MESSAGE_TYPE_VALUES, { error: `Unknown message type. Use one of: ${MESSAGE_TYPE_VALUES.join(", ")}.` })
      .nullish(),
    client_id: z.uuid("client_id must be a UUID.").nullish(),
  })
  .transform(({ receiver_id, recipient_id, ...rest }, ctx) => {
    const receiverId = receiver_id ?? recipient_id;
    if (receiverId === undefined) {
      ctx.addIssue({ code: "custom", message: "Choose who to send the message to (receiver_id is missing)." });
      return z.NEVER;
    }
    return {
      receiverId,
      content: rest.content,
      messageType: rest.message_type ?? "general",
      idempotencyKey: rest.client_id ?? null,
    };
  });

export type SendMessageInput = z.infer<typeof sendMessageSchema>;

const limitSchema = z
  .string()
  .regex(/^\d+$/, "limit must be a whole number.")
  .transform(Number)
  .refine((n) => n >= 1, "limit must be at least 1.")
  .transform((n) => Math.min(n, 100));

export const messagesQuerySchema = z
  .object({
    limit: limitSchema.optional().default(50),
    before: idSchema("before", "message").optional(),
    after: idSchema("after", "message").optional(),
  })
  .refine((q) => q.before === undefined || q.after === undefined, "Use before or after, not both.");

export const conversationsQuerySchema = z.object({
  limit: limitSchema.optional().default(50),
  before: idSchema("before", "message").optional(),
});

export const searchQuerySchema = z.object({
  q: z.string().max(100, "Search for at most 100 characters.").optional().default(""),
});

export const typingSchema = z
  .object({
    receiver_id: idSchema("receiver_id", "user"),
    typing: z.boolean({ error: "typing must be true or false." }),
  })
  .transform(({ receiver_id, typing }) => ({ receiverId: receiver_id, typing }));

export const muteSchema = z
  .object({
    user_id: idSchema("user_id", "user"),
    muted: z.boolean({ error: "muted must be true or false." }),
  })
  .transform(({ user_id, muted }) => ({ partnerId: user_id, muted }));
