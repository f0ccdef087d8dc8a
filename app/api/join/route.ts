import { NextResponse } from "next/server";
import { clientAddress } from "@/lib/auth/client-address";
import { isHttps, readJson, withDatabaseErrors } from "@/lib/http";
import { joinRun } from "@/lib/runs/join-run";
import { rejoinSeat } from "@/lib/runs/rejoin-seat";
import { seatCookie } from "@/lib/runs/seat-cookie";

const STATUS = {
  invalid: 400,
  limited: 429,
  unknownCode: 404,
  unknownSeat: 404,
  ended: 409,
  full: 409,
  replayed: 409,
  held: 409,
  busy: 503,
} as const;

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
    return NextResponse.json(
      { ok: false, reason: result.reason, error: result.error, fieldErrors: result.fieldErrors ?? {} },
      { status: STATUS[result.reason] },
    );
  }
  const { token, ...seat } = result;
  const response = NextResponse.json({ ...seat, url: `/play/${result.runId}` });
  response.cookies.set(seatCookie(result.seatId, token, isHttps(request.headers, request.url)));
  return response;
});
