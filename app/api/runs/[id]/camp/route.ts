import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { failureResponse } from "@/lib/failure";
import { readJson, withDatabaseErrors } from "@/lib/http";
import { actInCamp } from "@/lib/runs/camp/act-in-camp";
import { SEAT_COOKIE } from "@/lib/runs/policy";

/** POST {requestId, action: "check", file, thorough} | {requestId, action: "sign"}: a seat acts in its 1945 camp. */
export const POST = withDatabaseErrors(async function POST(
  request: Request,
  ctx: RouteContext<"/api/runs/[id]/camp">,
): Promise<Response> {
  const { id } = await ctx.params;
  const read = await readJson(request);
  if (!read.ok) return read.response;
  const result = await actInCamp(id, (await cookies()).get(SEAT_COOKIE)?.value, read.body);
  if (result.ok) return NextResponse.json(result);
  return failureResponse(result.error);
});
