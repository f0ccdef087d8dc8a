import "server-only";
import type { Seat } from "@/.generated/prisma/client";
import { db } from "@/lib/db";
import { hashSeatToken } from "@/lib/runs/codes";
import type { SeatRole } from "@/lib/runs/deal-cases";
import { ownLettersQuery, type LetterRow } from "@/lib/runs/seat-view/views";
import { withSeatRole } from "@/lib/runs/store/stored-rows";
import { REMOVED_SEAT } from "./seat-controls";

/** A seat row with its role parsed. */
export type HeldSeat = Omit<Seat, "role"> & { role: SeatRole };

export type SeatAccess<S = HeldSeat> =
  | { status: "ok"; seat: S }
  /** No seat cookie, or one that names no seat. */
  | { status: "none" }
  /** The browser holds a seat, but in another run. */
  | { status: "otherRun"; runId: string }
  /** The seat was moved to another browser with the rejoin code. */
  | { status: "movedAway" }
  /** The teacher removed the seat from the class. */
  | { status: "removed" };

export function seatCookieValue(seatId: string, token: string): string {
  return `${seatId}.${token}`;
}

function parseSeatCookie(value: string | undefined): { seatId: string; token: string } | null {
  if (!value || value.length > 200) return null;
  const dot = value.indexOf(".");
  if (dot <= 0) return null;
  return { seatId: value.slice(0, dot), token: value.slice(dot + 1) };
}

/**
 * Which seat this browser holds in the run, checked on the server for every
 * seat page, stream and action: the cookie names a seat and carries the
 * token whose hash the seat stores, so no other browser can act for it.
 */
export async function getSeatAccess(runId: string, cookie: string | undefined): Promise<SeatAccess> {
  const parsed = parseSeatCookie(cookie);
  if (!parsed) return { status: "none" };
  return seatAccessOf(runId, parsed.token, await db.seat.findUnique({ where: { id: parsed.seatId } }));
}

/** What a desk read needs of a seat row: who holds it, whether it was removed, and what its desk shows. */
export const DESK_SEAT_FIELDS = {
  id: true,
  runId: true,
  number: true,
  role: true,
  displayName: true,
  rejoinCode: true,
  holderHash: true,
  removedAt: true,
} as const;

/** A seat as a desk read checks and shows it: DESK_SEAT_FIELDS, its cases, its own letters in the run, oldest first. */
export type DeskSeatRow = Pick<Seat, keyof typeof DESK_SEAT_FIELDS> & {
  cases: { caseIndex: number }[];
  letters: LetterRow[];
};

/**
 * getSeatAccess for a desk read, with the seat's cases and its own letters in
 * this run fetched in the same call: a desk is read every few seconds by
 * every student, and each separate call costs more than the rows it reads.
 * `held` may answer for the database with a copy it knows to be current
 * (the live hub's: LiveHub.currentSeat); the check is the same either way.
 */
export async function getDeskAccess(
  runId: string,
  cookie: string | undefined,
  held: (seatId: string) => DeskSeatRow | null = () => null,
) {
  const parsed = parseSeatCookie(cookie);
  if (!parsed) return { status: "none" } as const;
  const seat: DeskSeatRow | null =
    held(parsed.seatId) ??
    (await db.seat.findUnique({
      where: { id: parsed.seatId },
      select: {
        ...DESK_SEAT_FIELDS,
        cases: { select: { caseIndex: true } },
        // Only this seat's own letters in this run: never another seat's.
        letters: ownLettersQuery(runId),
      },
    }));
  return seatAccessOf(runId, parsed.token, seat);
}

/** The one check of a seat row against the browser's token and the run it asks for. */
function seatAccessOf<S extends Pick<Seat, "removedAt" | "holderHash" | "runId" | "role">>(
  runId: string,
  token: string,
  seat: S | null,
): SeatAccess<Omit<S, "role"> & { role: SeatRole }> {
  if (!seat) return { status: "none" };
  if (seat.removedAt) return { status: "removed" };
  if (seat.holderHash !== hashSeatToken(token)) return { status: "movedAway" };
  if (seat.runId !== runId) return { status: "otherRun", runId: seat.runId };
  return { status: "ok", seat: withSeatRole(seat, runId) };
}

/** The seat this browser holds in any run (for "back to your seat" links), or null. */
export async function getHeldSeat(cookie: string | undefined) {
  const parsed = parseSeatCookie(cookie);
  if (!parsed) return null;
  const seat = await db.seat.findUnique({
    where: { id: parsed.seatId },
    select: { runId: true, number: true, holderHash: true, run: { select: { title: true, status: true } } },
  });
  if (!seat || seat.holderHash !== hashSeatToken(parsed.token) || seat.run.status === "archived") return null;
  return { runId: seat.runId, number: seat.number, runTitle: seat.run.title };
}

export const SEAT_ACCESS_MESSAGES: Record<Exclude<SeatAccess["status"], "ok">, string> = {
  none: "This browser has no seat in this class. Join with the class code, or rejoin with your rejoin code.",
  otherRun: "Your seat is in another class. You can only see and act in your own class.",
  movedAway:
    "Your seat was opened in another browser with its rejoin code, so this one has stopped. Rejoin here to move it back.",
  removed: REMOVED_SEAT,
};
