import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import type { ControlResponse } from "@/lib/api-types";
import { failureResponse } from "@/lib/failure";
import { readJson, withDatabaseErrors } from "@/lib/http";
import { controlSoloRun } from "@/lib/runs/console/control-run";
import { SEAT_COOKIE } from "@/lib/runs/policy";

/** POST {action, …}: a self-guided player pauses, resumes, speeds, skips ahead or ends their own run. */
export const POST = withDatabaseErrors(async function POST(
  request: Request,
  ctx: RouteContext<"/api/runs/[id]/solo">,
): Promise<Response> {
  const { id } = await ctx.params;
  const read = await readJson(request);
  if (!read.ok) return read.response;
  const result = await controlSoloRun(id, (await cookies()).get(SEAT_COOKIE)?.value, read.body);
  if (!result.ok) return failureResponse(result.error);
  return NextResponse.json(result satisfies ControlResponse);
});
