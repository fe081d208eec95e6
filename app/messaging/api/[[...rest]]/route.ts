import { apiJson } from "@/lib/http/json";

/** Any address under /messaging/api/ that no endpoint serves: a JSON 404 for every method, never an HTML page. */
const noSuchEndpoint = async () =>
  apiJson({ success: false, error: "There is no API endpoint at this address." }, { status: 404 });

export const GET = noSuchEndpoint;
export const POST = noSuchEndpoint;
export const PUT = noSuchEndpoint;
export const PATCH = noSuchEndpoint;
export const DELETE = noSuchEndpoint;
