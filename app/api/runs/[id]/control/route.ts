import { NextResponse } from "next/server";
import type { ControlResponse } from "@/lib/api-types";
import { AccessDenied, requireInstructor } from "@/lib/authz";
import { failure, failureResponse } from "@/lib/failure";
import { readJson, withDatabaseErrors } from "@/lib/http";
import { controlRun } from "@/lib/runs/console/control-run";

/** POST {action, …}: the run's owner starts, pauses, resumes, speeds, jumps, ends, archives or deletes it. */
export const POST = withDatabaseErrors(async function POST(
  request: Request,
  ctx: RouteContext<"/api/runs/[id]/control">,
): Promise<Response> {
  const { id } = await ctx.params;
  const read = await readJson(request);
  if (!read.ok) return read.response;
  try {
    const user = await requireInstructor();
    const result = await controlRun(user, id, read.body);
    if (!result.ok) return failureResponse(result.error);
    return NextResponse.json(result satisfies ControlResponse);
  } catch (error) {
    if (error instanceof AccessDenied) return failureResponse(failure(error.reason, error.message));
    throw error;
  }
});
