import { SEAT_COOKIE } from "@/lib/runs/policy";
import { seatCookieValue } from "./seat-access";

/** The seat cookie: HttpOnly (scripts cannot read it), Lax (not sent on cross-site posts), a term long. */
export function seatCookie(seatId: string, token: string, secure: boolean) {
  return {
    name: SEAT_COOKIE,
    value: seatCookieValue(seatId, token),
    httpOnly: true,
    sameSite: "lax" as const,
    secure,
    path: "/",
    maxAge: 120 * 24 * 60 * 60,
  };
}
