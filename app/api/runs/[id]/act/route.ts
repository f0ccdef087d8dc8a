import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import type { ActResponse } from "@/lib/api-types";
import { failureResponse } from "@/lib/failure";
import { readJson, withDatabaseErrors } from "@/lib/http";
import { actOnCase } from "@/lib/desk/act-on-case";
import { SEAT_COOKIE } from "@/lib/runs/policy";

/** POST {requestId, caseIndex, expectedVersion, action}: a student acts on a case on their desk. */
export const POST = withDatabaseErrors(async function POST(
  request: Request,
  ctx: RouteContext<"/api/runs/[id]/act">,
): Promise<Response> {
  const { id } = await ctx.params;
  const read = await readJson(request);
  if (!read.ok) return read.response;
  const seat = (await cookies()).get(SEAT_COOKIE)?.value;
  const result = await actOnCase(id, seat, read.body);
  if (result.ok) return NextResponse.json(result satisfies ActResponse);
  // A refusal carries the case as it stands now, when the student may see it.
  const { error, ...extra } = result;
  return failureResponse(error, { extra });
});
