import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import type { ActResponse } from "@/lib/api-types";
import { failure, failureResponse, type Failure } from "@/lib/failure";
import { readJson, withDatabaseErrors } from "@/lib/http";
import { actOnCase, type ActResult } from "@/lib/runs/act-on-case";
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
  const { error, extra } = actFailure(result);
  return failureResponse(error, { extra });
});

/**
 * actOnCase still refuses in its own shape, `{ reason, error: string, case? }`.
 * Its reasons are FailureCodes by name (invalid, forbidden, notLive,
 * replayed, conflict, refused, busy), so they map straight through the one
 * status table; the case as it stands now travels beside the error. Once
 * actOnCase returns a Result, this goes and the route reads `result.error`.
 */
function actFailure({ reason, error, ...extra }: Extract<ActResult, { ok: false }>): {
  error: Failure;
  extra: Omit<Extract<ActResponse, { ok: false }>, "ok" | "error">;
} {
  return { error: failure(reason, error), extra };
}
