import { withTransaction } from "@/db/connection";
import { findByIdempotencyKey, insertMessage, type NewMessageInput } from "@/db/queries/messages";
import type { Message } from "@/db/schema";

/** Stores a message in a transaction of its own, as a send does but without the service's rules. */
export async function storeMessage(input: NewMessageInput): Promise<{ message: Message; created: boolean }> {
  return withTransaction(async (tx) => {
    const message = await insertMessage(tx, input);
    if (message) return { message, created: true };
    return { message: (await findByIdempotencyKey(tx, input.senderId, input.idempotencyKey!))!, created: false };
  });
}
