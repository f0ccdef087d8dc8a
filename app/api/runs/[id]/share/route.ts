import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import type { ShareResponse } from "@/lib/api-types";
import { failureResponse } from "@/lib/failure";
import { readJson, withDatabaseErrors } from "@/lib/http";
import { SEAT_COOKIE } from "@/lib/runs/policy";
import { shareDebrief } from "@/lib/runs/seats/share-link";

/** POST {action: "create" | "withdraw"}: the seat of an ended self-guided run makes (or ends) a read-only link to its debrief. */
export const POST = withDatabaseErrors(async function POST(
  request: Request,
  ctx: RouteContext<"/api/runs/[id]/share">,
): Promise<Response> {
  const { id } = await ctx.params;
  const read = await readJson(request);
  if (!read.ok) return read.response;
  const result = await shareDebrief(id, (await cookies()).get(SEAT_COOKIE)?.value, read.body);
  if (!result.ok) return failureResponse(result.error);
  return NextResponse.json(result satisfies ShareResponse);
});
