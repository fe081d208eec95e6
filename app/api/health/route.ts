import { apiJson, methodNotAllowed } from "@/lib/http/json";

/** Constant JSON: liveness for deployments, and the framework's floor in benchmarks. */
export function GET(): Response {
  return apiJson({ success: true, status: "ok" });
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
