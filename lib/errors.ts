import { apiJson } from "@/lib/http/json";

/** The one error type of the API: a status and a sentence a person can read. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  toResponse(): Response {
    return apiJson({ success: false, error: this.message }, { status: this.status, headers: this.headers });
  }
}

export const badRequest = (message: string) => new ApiError(400, message);
export const unauthorized = (message = "Sign in to continue.") => new ApiError(401, message);
export const forbidden = (message: string) => new ApiError(403, message);
export const notFound = (message: string) => new ApiError(404, message);
export const conflict = (message: string) => new ApiError(409, message);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new ApiError(429, message, { "Retry-After": String(retryAfterSeconds) });

/** Turns anything thrown in a handler into a JSON answer; unexpected errors are logged, never sent. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) return error.toResponse();
  console.error("Unhandled API error", error);
  return apiJson({ success: false, error: "Something went wrong on our side. Please try again." }, { status: 500 });
}
