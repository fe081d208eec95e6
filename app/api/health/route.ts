/** Constant JSON: liveness for deployments, and the framework's floor in benchmarks. */
export function GET(): Response {
  return Response.json({ success: true, status: "ok" });
}
