import { NextResponse } from "next/server";
import type { JoinResponse } from "@/lib/api-types";
import { clientAddress } from "@/lib/auth/client-address";
import { failureResponse } from "@/lib/failure";
import { isHttps, readJson, withDatabaseErrors } from "@/lib/http";
import { joinRun } from "@/lib/runs/seats/join-run";
import { CROWDED_RETRY_SECONDS } from "@/lib/runs/seats/join-rate-limit";
import { rejoinSeat } from "@/lib/runs/seats/rejoin-seat";
import { seatCookie } from "@/lib/runs/seats/seat-cookie";

/**
 * POST {code, name, requestId} takes a new seat; POST {code, rejoinCode,
 * takeOver?} returns to one. The seat cookie is set on success. (The join
 * page calls the same functions through server actions.)
 */
export const POST = withDatabaseErrors(async function POST(request: Request): Promise<Response> {
  const read = await readJson(request);
  if (!read.ok) return read.response;
  const body = read.body;
  const address = clientAddress(request.headers);
  const rejoin = typeof body === "object" && body !== null && "rejoinCode" in body;
  const result = rejoin ? await rejoinSeat(body, address) : await joinRun(body, address);
  if (!result.ok) {
    // The only join refusal for rate is a crowd of attempts queued from one address: it drains in seconds.
    const crowded = result.error.code === "rateLimited";
    return failureResponse(result.error, crowded ? { retryAfterSeconds: CROWDED_RETRY_SECONDS } : {});
  }
  const { token, ...seat } = result;
  const answer: JoinResponse = { ...seat, url: `/play/${result.runId}` };
  const response = NextResponse.json(answer);
  response.cookies.set(seatCookie(result.seatId, token, isHttps(request.headers, request.url)));
  return response;
});
