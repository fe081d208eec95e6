/** API answers are per member and per moment: no browser or proxy may keep them. */
export const NO_STORE = "no-store";

/** A JSON answer of the API, never cached. */
export function apiJson(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Cache-Control", NO_STORE);
  return Response.json(body, { ...init, headers });
}

/** A form refused field by field: a 400 whose `field_errors` the form shows beside each field. */
export function fieldErrorsResponse(fieldErrors: Record<string, string | undefined>, error = "Please correct the highlighted fields."): Response {
  return apiJson({ success: false, error, field_errors: fieldErrors }, { status: 400 });
}

/** JSON 405s (with Allow) for the methods a route does not serve. */
export function methodNotAllowed(...allowed: string[]) {
  const answer = async () =>
    apiJson(
      { success: false, error: `This endpoint only accepts ${allowed.join(" or ")}.` },
      { status: 405, headers: { Allow: allowed.join(", ") } },
    );
  return { GET: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer };
}

/** Every method of an address that no endpoint serves: a JSON 404, never an HTML page. */
export function noSuchEndpoint() {
  const answer = async () => apiJson({ success: false, error: "There is no API endpoint at this address." }, { status: 404 });
  return { GET: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer };
}
