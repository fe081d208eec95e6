import { describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER } from "@/lib/auth/client-address";

const request = (headers: Record<string, string>) => new Request("http://localhost:3000/", { headers });

describe("clientAddress", () => {
  it("with no trusted proxy, is the connection's address whatever X-Forwarded-For says", () => {
    const req = request({ [PEER_HEADER]: "203.0.113.5", "x-forwarded-for": "10.9.9.9, 198.51.100.2", "x-real-ip": "10.1.1.1" });
    expect(clientAddress(req, 0)).toBe("203.0.113.5");
  });

  it("without the production server (next dev) is 'local'", () => {
    expect(clientAddress(request({ "x-forwarded-for": "10.9.9.9" }), 0)).toBe("local");
  });

  it("behind N proxies, is the Nth entry from the right: what the outermost trusted proxy saw", () => {
    const req = request({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.1" });
    expect(clientAddress(req, 1)).toBe("10.0.0.1");
    expect(clientAddress(req, 2)).toBe("203.0.113.7");
    // A client prepending forged entries cannot move the address taken.
    const forged = request({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "1.1.1.1, 2.2.2.2, 6.6.6.6, 203.0.113.7, 10.0.0.1" });
    expect(clientAddress(forged, 2)).toBe("203.0.113.7");
  });

  it("behind proxies, falls back to the peer when the chain is shorter than the hops", () => {
    expect(clientAddress(request({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "203.0.113.7" }), 2)).toBe("10.0.0.2");
    expect(clientAddress(request({ [PEER_HEADER]: "10.0.0.2" }), 1)).toBe("10.0.0.2");
  });

  it("reads TRUST_PROXY_HOPS from the environment (default 0)", () => {
    const req = request({ [PEER_HEADER]: "203.0.113.5", "x-forwarded-for": "198.51.100.2" });
    expect(clientAddress(req)).toBe("203.0.113.5");
  });
});
