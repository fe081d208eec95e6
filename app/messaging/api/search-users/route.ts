import { parseQuery } from "@/lib/http/body";
import { json, memberRoute, methodNotAllowed } from "@/lib/http/route";
import { searchQuerySchema } from "@/lib/messaging/schemas";
import { findPeople } from "@/lib/messaging/service";
import { toPartnerJson } from "@/lib/messaging/wire";
import { hasNul } from "@/lib/storable-text";

export const GET = memberRoute(
  async ({ req, user }) => {
    const { q } = parseQuery(req, searchQuerySchema);
    const users = hasNul(q) ? [] : await findPeople(user.id, q); // no stored name holds a NUL
    return json({ users: users.map(toPartnerJson) });
  },
  { csrf: false },
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
