import { AccessDenied, requireInstructor } from "@/lib/authz";
import { failure, failureResponse } from "@/lib/failure";
import { withDatabaseErrors } from "@/lib/http";
import { exportRun } from "@/lib/runs/exports/export-run";

/** GET ?format=csv|xes[&names=seats]: the run's event log for process-mining tools, for the run's owner. */
export const GET = withDatabaseErrors(async function GET(
  request: Request,
  ctx: RouteContext<"/api/runs/[id]/export">,
): Promise<Response> {
  const { id } = await ctx.params;
  try {
    const user = await requireInstructor();
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const result = await exportRun(user, id, query);
    if (!result.ok) return failureResponse(result.error);
    return new Response(result.body, {
      headers: {
        "Content-Type": result.contentType,
        "Content-Disposition": `attachment; filename="${result.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDenied) return failureResponse(failure(error.reason, error.message));
    throw error;
  }
});
