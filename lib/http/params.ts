import { badRequest } from "@/lib/errors";
import { hasNul } from "@/lib/storable-text";

/** Members' ids are PostgreSQL `integer`s. */
export const MAX_USER_ID = 2_147_483_647;
/** Messages' ids are `bigint`s, read as JS numbers: exact up to 2^53 - 1. */
export const MAX_MESSAGE_ID = Number.MAX_SAFE_INTEGER;

export type IdKind = "user" | "message";
const MAX_ID: Record<IdKind, number> = { user: MAX_USER_ID, message: MAX_MESSAGE_ID };

/** The sentence for an id that is not a whole number in the column's range. */
export const idRangeSentence = (label: string, kind: IdKind) =>
  `${label} must be a whole number from 1 to ${MAX_ID[kind]}.`;

/** A string of ASCII digits naming an id of this kind, or null (not digits, 0, or past the column's range). */
export function parseId(raw: unknown, kind: IdKind): number | null {
  if (typeof raw !== "string" || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return id >= 1 && id <= MAX_ID[kind] ? id : null;
}

type Params = Record<string, string | string[] | undefined>;

/** A route's id path segment: the id, or a 400 with a sentence. */
export function idParam(params: Params, name: string, label: string, kind: IdKind): number {
  const id = parseId(params[name], kind);
  if (id === null) throw badRequest(idRangeSentence(label, kind));
  return id;
}

/** A dynamic page segment decoded, or null when its percent-escapes are malformed. */
export function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The username in a /community/<username>/ address, or null when no member can have it. */
export function usernameSegment(raw: string): string | null {
  const username = decodeSegment(raw);
  return username === null || hasNul(username) || username.length > 150 ? null : username;
}
