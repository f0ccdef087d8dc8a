import "server-only";
import { db } from "@/lib/db";
import { fail, type Result } from "@/lib/failure";
import type { SeatRole } from "@/lib/runs/deal-cases";
import type { ClassmateLetter } from "@/lib/runs/seat-view/inbox";
import { liveHub } from "@/lib/runs/live/hub";
import { lettersAboutCases, lettersToDesk, seatCaseIndexes } from "@/lib/runs/store/queries";
import { getDeskAccess, SEAT_ACCESS_MESSAGES } from "@/lib/runs/seats/seat-access";
import { RunNotFound, runStore } from "@/lib/runs/store/store";
import {
  ownLettersQuery,
  letterView,
  protocolView,
  seatView,
  type ProtocolView,
  type LetterRow,
  type LetterView,
  type SeatView,
} from "./views";

/**
 * Refusals: `notFound` (no run at this address), `forbidden` (this browser
 * holds no seat in it; `otherRunId` when its seat is in another run).
 */
export type SeatViewResult = Result<
  { view: SeatView; letters: LetterView[]; protocols: ProtocolView[] },
  { otherRunId?: string }
>;

/** The student's desk, if this browser holds a seat in this run; otherwise why not. */
export async function getSeatView(runId: string, seatCookie: string | undefined): Promise<SeatViewResult> {
  // A seat whose live stream is open is held current by the hub: its desk needs no database read then.
  const fromHub: { held: ReturnType<typeof liveHub.currentSeat> } = { held: null };
  const access = await getDeskAccess(runId, seatCookie, (seatId) => {
    fromHub.held = liveHub.currentSeat(runId, seatId);
    return fromHub.held?.row ?? null;
  });
  if (access.status !== "ok" && (await db.run.count({ where: { id: runId } })) === 0) {
    return fail("notFound", "There is no class at this address. Check the link, or join with the class code.");
  }
  if (access.status !== "ok") {
    return {
      ...fail("forbidden", SEAT_ACCESS_MESSAGES[access.status]),
      ...(access.status === "otherRun" ? { otherRunId: access.runId } : {}),
    };
  }
  try {
    const { cases, letters, ...seat } = access.seat;
    const caseIndexes = cases.map((c) => c.caseIndex);
    return { ok: true, ...(await deskFrom(runId, seat, caseIndexes, letters, fromHub.held?.classmates)) };
  } catch (error) {
    if (error instanceof RunNotFound) return fail("forbidden", SEAT_ACCESS_MESSAGES.none);
    throw error;
  }
}

type DeskSeat = { id: string; number: number; role: SeatRole; displayName: string; rejoinCode: string };

/**
 * A seat's desk as its student sees it: the view, their own letters, their
 * own protocols. Callers decide who may see it (the seat's browser, the
 * run's owner). Throws RunNotFound if the run is gone.
 */
export async function seatDesk(
  runId: string,
  seat: DeskSeat,
): Promise<{ view: SeatView; letters: LetterView[]; protocols: ProtocolView[] }> {
  const cases = await seatCaseIndexes(seat.id);
  // Only this seat's own letters: never another seat's.
  const own = ownLettersQuery(runId);
  const written = await db.letter.findMany({ ...own, where: { ...own.where, seatId: seat.id } });
  return deskFrom(runId, seat, cases, written);
}

/** A seat's desk from its cases and its own letters (read by the caller: see getDeskAccess). */
async function deskFrom(
  runId: string,
  seat: DeskSeat,
  cases: number[],
  written: LetterRow[],
  /** a procurator's inbox, when the caller holds it current (LiveHub.currentSeat); otherwise read here */
  heldClassmates?: ClassmateLetter[],
): Promise<{ view: SeatView; letters: LetterView[]; protocols: ProtocolView[] }> {
  // A procurator's own decisions, as protocols (only their seat's entries).
  const decided =
    seat.role === "procurator"
      ? await db.runEvent.findMany({
          where: { runId, type: "case.act", actor: `seat:${seat.number}` },
          orderBy: { seq: "asc" },
          select: { id: true, caseIndex: true, simDay: true, payload: true },
        })
      : [];
  // A procurator's inbox: classmates' letters about the cases on this desk, and no others (lib/runs/seat-view/inbox.ts
  // then keeps only those that reached the commission).
  const classmates =
    seat.role !== "procurator"
      ? []
      : (heldClassmates ?? lettersToDesk(await lettersAboutCases(runId, cases), { seatNumber: seat.number, cases }));
  // Every seat reads its desk every few seconds: never queued behind the run's writes when the world is current.
  return runStore.readCurrent(runId, (run, world, scenario) => ({
    view: seatView(run, scenario, world, seat, cases, written, undefined, classmates),
    letters: written.map((letter) => letterView(letter, scenario.startDate)),
    protocols: decided.map((entry) => protocolView(entry, world)).filter((p) => p !== null),
  }));
}
