import { apiJson, fieldErrorsResponse } from "@/lib/http/json";
import { checkSignUpAllowed, clientAddress } from "@/lib/auth/login-limit";
import { signUp } from "@/lib/auth/signup";
import { verifyCsrf } from "@/lib/csrf";
import { errorResponse } from "@/lib/errors";
import { parseBody } from "@/lib/http/body";
import { methodNotAllowed } from "@/lib/http/route";
import { z } from "zod";

/** Creates an account; field problems come back as `field_errors` for the form to show. A taken email looks like success. */
export async function POST(req: Request): Promise<Response> {
  try {
    verifyCsrf(req);
    await checkSignUpAllowed(clientAddress(req));
    const result = await signUp(await parseBody(req, z.record(z.string(), z.unknown())));
    if (!result.ok) {
      return fieldErrorsResponse(result.fieldErrors);
    }
    return apiJson({ success: true }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
