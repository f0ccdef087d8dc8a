import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { readJson, withDatabaseErrors } from "@/lib/http";
import { actOnCase } from "@/lib/desk/act-on-case";
import { SEAT_COOKIE } from "@/lib/runs/policy";

const STATUS = {
  invalid: 400,
  forbidden: 403,
  notLive: 409,
  replayed: 409,
  conflict: 409,
  refused: 422,
  busy: 503,
} as const;

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
  return NextResponse.json(result, { status: result.ok ? 200 : STATUS[result.reason] });
});
