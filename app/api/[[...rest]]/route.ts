import { noSuchEndpoint } from "@/lib/http/json";

/** Any address under /api/ that no endpoint serves. */
export const { GET, POST, PUT, PATCH, DELETE } = noSuchEndpoint();
