import type { Message } from "@/db/schema";

/** The old app's names for a message's fields: `recipient` is the receiver, `created_date` the timestamp. */
export type LegacyNames = { readonly recipientId: number; readonly createdDate: Date };

type Aliased = Pick<Message, "receiverId" | "timestamp">;

/**
 * The same message, also readable by its old names. The aliases are getters,
 * not copies (they cannot drift), and are not enumerable (JSON is unchanged).
 */
export function withLegacyNames<T extends Aliased>(message: T): T & LegacyNames {
  return Object.defineProperties(
    { ...message },
    {
      recipientId: { get(this: T) { return this.receiverId; }, enumerable: false },
      createdDate: { get(this: T) { return this.timestamp; }, enumerable: false },
    },
  ) as T & LegacyNames;
}

/** A message written with the old names, in the app's names (e.g. a row or fixture from the old code). */
export function fromLegacyNames<T extends LegacyNames>({ recipientId, createdDate, ...rest }: T): Omit<T, keyof LegacyNames> & Aliased {
  return { ...rest, receiverId: recipientId, timestamp: createdDate };
}
