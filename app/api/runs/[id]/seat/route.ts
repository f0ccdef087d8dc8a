import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import type { SeatResponse } from "@/lib/api-types";
import { failureResponse } from "@/lib/failure";
import { withDatabaseErrors } from "@/lib/http";
import { getSeatView } from "@/lib/runs/seat-view/get-seat-view";
import { SEAT_COOKIE } from "@/lib/runs/policy";

/** GET: the student's own desk (role, simulated date, the seat's cases). */
export const GET = withDatabaseErrors(async function GET(
  _request: Request,
  ctx: RouteContext<"/api/runs/[id]/seat">,
): Promise<Response> {
  const { id } = await ctx.params;
  const result = await getSeatView(id, (await cookies()).get(SEAT_COOKIE)?.value);
  if (!result.ok) return failureResponse(result.error);
  const answer: SeatResponse = { ok: true, ...result.view, letters: result.letters, protocols: result.protocols };
  return NextResponse.json(answer, { headers: { "Cache-Control": "no-store" } });
});
