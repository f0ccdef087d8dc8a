import { seeOther, withDatabaseErrors } from "@/lib/http";

/** The console's "look up a case" form: ?n=417 → the case's timeline page (which checks the owner). */
export const GET = withDatabaseErrors(async function GET(
  request: Request,
  ctx: RouteContext<"/runs/[id]/cases/lookup">,
): Promise<Response> {
  const { id } = await ctx.params;
  const n = new URL(request.url).searchParams.get("n") ?? "";
  const number = /^\d{1,7}$/.test(n.trim()) ? String(Number(n.trim())) : "0";
  return seeOther(`/runs/${encodeURIComponent(id)}/cases/${number}`);
});
