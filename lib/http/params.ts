import { badRequest } from "@/lib/errors";

/** A positive integer path segment such as a user or message id; 400 otherwise. */
export function idParam(params: Record<string, string | string[] | undefined>, name: string, label: string): number {
  const raw = params[name];
  const id = typeof raw === "string" && /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw badRequest(`${label} must be a positive whole number.`);
  return id;
}
