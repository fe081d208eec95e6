import { env } from "@/env";

/**
 * The header in which the production server (server.mjs) writes the address of
 * the connection, overwriting whatever a client sent under that name.
 */
export const PEER_HEADER = "x-community-peer";

/**
 * The address a request came from, for per-address limits. With no trusted
 * proxy (hops = 0) it is the connection's own address; behind N proxies it is
 * the Nth X-Forwarded-For entry from the right (the one the outermost trusted
 * proxy wrote), since everything to its left was written by the client.
 * Without the production server (`next dev`) there is no peer: "local".
 */
export function clientAddress(req: Request, hops = env().TRUST_PROXY_HOPS): string {
  const peer = req.headers.get(PEER_HEADER)?.trim() || "local";
  if (hops <= 0) return peer;
  const chain = (req.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return (chain.length >= hops ? chain[chain.length - hops] : undefined) ?? peer;
}
