import { NextResponse } from "next/server";
import type { JoinResponse } from "@/lib/api-types";
import { clientAddress } from "@/lib/auth/client-address";
import { failureResponse } from "@/lib/failure";
import { isHttps, readJson, withDatabaseErrors } from "@/lib/http";
import { joinRun } from "@/lib/runs/seats/join-run";
import { JOIN_WINDOW_MS } from "@/lib/runs/policy";
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
    // The join limit counts failures over a sliding window: once it has passed, this address may try again.
    const limited = result.error.code === "rateLimited";
    return failureResponse(result.error, limited ? { retryAfterSeconds: JOIN_WINDOW_MS / 1000 } : {});
  }
  const { token, ...seat } = result;
  const answer: JoinResponse = { ...seat, url: `/play/${result.runId}` };
  const response = NextResponse.json(answer);
  response.cookies.set(seatCookie(result.seatId, token, isHttps(request.headers, request.url)));
  return response;
});
