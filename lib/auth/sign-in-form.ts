import { badRequest } from "@/lib/errors";
import { readLimitedText, MAX_BODY_BYTES } from "@/lib/http/body";

export type AuthForm = Record<string, string>;

// No account has a longer username (150) or email (254); nobody types a longer password.
const MAX_LOGIN = 320;
const MAX_PASSWORD = 1_024;

function fromUrlEncoded(text: string): AuthForm {
  const form: AuthForm = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (key in form) throw badRequest(`The form has the field “${key.slice(0, 40)}” more than once; send each field once.`);
    form[key] = value;
  }
  return form;
}

function fromJson(text: string): AuthForm {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw badRequest("The request body must be a JSON object.");
  const form: AuthForm = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== "string") throw badRequest(`The field “${key.slice(0, 40)}” must be text.`);
    form[key] = value;
  }
  return form;
}

/**
 * Reads a next-auth POST body once (form or JSON, 64 KB at most): repeated
 * fields and oversized credentials are refused, so the limiter and next-auth
 * can only ever see the same values.
 */
export async function readAuthForm(req: Request): Promise<AuthForm> {
  const text = await readLimitedText(req, MAX_BODY_BYTES);
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  let form: AuthForm;
  if (!text.trim()) form = {};
  else if (type.includes("application/json")) form = fromJson(text);
  else if (type.includes("application/x-www-form-urlencoded")) form = fromUrlEncoded(text);
  else throw badRequest("Send the form as application/x-www-form-urlencoded or JSON.");
  if ((form.username?.length ?? 0) > MAX_LOGIN) throw badRequest("That username or email is too long.");
  if ((form.password?.length ?? 0) > MAX_PASSWORD) throw badRequest("That password is too long.");
  // No stored text holds a NUL, and PostgreSQL refuses to compare with one.
  if (Object.values(form).some((value) => value?.includes("\u0000"))) throw badRequest("The sign-in form cannot contain the NUL character.");
  return form;
}

