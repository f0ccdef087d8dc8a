import { NextResponse } from "next/server";
import { AccessDenied, requireInstructor } from "@/lib/authz";
import { jsonError, readJson, withDatabaseErrors } from "@/lib/http";
import { controlRun, RUN_NOT_FOUND } from "@/lib/runs/control-run";

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
    const status = result.ok ? 200 : result.error === RUN_NOT_FOUND ? 404 : result.invalid ? 400 : 409;
    return NextResponse.json(result, { status });
  } catch (error) {
    if (error instanceof AccessDenied) return jsonError(error.reason === "unauthenticated" ? 401 : 403, error.message);
    throw error;
  }
});
