import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { readJson, withDatabaseErrors } from "@/lib/http";
import { controlSoloRun } from "@/lib/runs/control-run";
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
  // Someone else's run, or a control that is not the player's: 403; the run's state refusing it: 409.
  return NextResponse.json(result, { status: result.ok ? 200 : result.forbidden ? 403 : result.invalid ? 400 : 409 });
});
