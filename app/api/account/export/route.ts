import { exportAccount } from "@/lib/auth/account";
import { accountRoute } from "@/lib/auth/account-route";
import { methodNotAllowed } from "@/lib/http/route";

/** Downloads everything the member sent and received, as a JSON file. */
export const GET = accountRoute(
  async ({ member }) => {
    const data = await exportAccount(member.id);
    const day = data.exported_at.slice(0, 10);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="community-messages-${member.id}-${day}.json"`,
        "Cache-Control": "no-store",
      },
    });
  },
  { csrf: false },
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
