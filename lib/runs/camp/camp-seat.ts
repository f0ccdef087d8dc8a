import "server-only";
import { db } from "@/lib/db";
import { fail, type Result } from "@/lib/failure";
import { formatRejoinCode } from "@/lib/runs/codes";
import type { SeatRole } from "@/lib/runs/deal-cases";
import { getSeatAccess, SEAT_ACCESS_MESSAGES } from "@/lib/runs/seats/seat-access";
import { clockView, type ClockView } from "@/lib/runs/seat-view/views";
import { campOf, RunNotFound, runStore } from "@/lib/runs/store/store";
import { parseLogEntry } from "@/lib/runs/store/log-entry";
import { campRoleName } from "./camp-engine";
import { campScenarioOfRun } from "./camp-scenario";
import { CAMP_STATE_SHORT } from "./camp-views";
import {
  campClerkView,
  campRoleCard,
  campNews,
  campPrisonerView,
  type CampClerkView,
  type CampNews,
  type CampPrisonerView,
} from "./camp-views";

export type CampSeatData = {
  runId: string;
  title: string;
  scenarioTitle: string;
  /** a self-guided run: no teacher, the seat steers its own clock */
  solo: boolean;
  seat: { number: number; displayName: string; role: SeatRole; roleName: string; rejoinCode: string };
  clock: ClockView;
  /** "Who am I?": the role, each line with its source */
  roleCard: ReturnType<typeof campRoleCard>;
  /** the clerk's desk or the prisoner's situation; null for a prisoner not yet dealt one (the lobby) */
  view: CampClerkView | CampPrisonerView | null;
  news: CampNews;
};

/** Whether a run plays a 1945 camp; null when there is no such run. */
export async function runIsCamp(runId: string): Promise<boolean | null> {
  const run = await db.run.findUnique({ where: { id: runId }, select: { scenarioId: true } });
  return run ? campScenarioOfRun({ scenarioId: run.scenarioId }) !== undefined : null;
}

/** A camp seat as its student sees it, if this browser holds a seat in this run; otherwise why not. */
export async function getCampSeat(
  runId: string,
  seatCookie: string | undefined,
): Promise<Result<{ data: CampSeatData }>> {
  const access = await getSeatAccess(runId, seatCookie);
  if (access.status !== "ok") return fail("forbidden", SEAT_ACCESS_MESSAGES[access.status]);
  const seat = access.seat;
  const own = await db.seatCase.findFirst({ where: { runId, seatId: seat.id }, select: { caseIndex: true } });
  // A clerk's own checks, from the log (only this seat's entries).
  const checks =
    seat.role === "procurator"
      ? (
          await db.runEvent.findMany({
            where: { runId, type: "amnesty.check", actor: `seat:${seat.number}` },
            orderBy: { seq: "asc" },
            select: { id: true, type: true, caseIndex: true, payload: true },
          })
        ).flatMap((row) => {
          const entry = parseLogEntry(row);
          return entry.type === "amnesty.check" ? [{ file: entry.caseIndex, thorough: entry.payload.thorough }] : [];
        })
      : [];
  try {
    const data = await runStore.readEngine(runId, (run, engine): CampSeatData => {
      const { camp, scenario } = campOf(engine);
      const view =
        seat.role === "procurator"
          ? campClerkView(camp, scenario, seat.number, checks, run.status === "debrief" || run.status === "archived")
          : own
            ? campPrisonerView(camp, scenario, own.caseIndex)
            : null;
      return {
        runId,
        title: run.title,
        scenarioTitle: scenario.title,
        solo: run.ownerId === null,
        seat: {
          number: seat.number,
          displayName: seat.displayName,
          role: seat.role,
          roleName: campRoleName(seat.role),
          rejoinCode: formatRejoinCode(seat.rejoinCode),
        },
        clock: clockView(run, scenario),
        roleCard: campRoleCard(seat.role),
        view,
        news: view?.news ?? campNews(camp, scenario),
      };
    });
    return { ok: true, data };
  } catch (error) {
    if (error instanceof RunNotFound) return fail("forbidden", SEAT_ACCESS_MESSAGES.none);
    throw error;
  }
}

/**
 * Each seat of a camp run, as the teacher's console shows it: a clerk's
 * checks so far (thorough and hurried), a prisoner's place in the camp.
 * Keyed by seat id.
 */
export async function campSeatsNow(runId: string): Promise<Map<string, string>> {
  const [seats, dealt, checks] = await Promise.all([
    db.seat.findMany({ where: { runId, removedAt: null }, select: { id: true, number: true, role: true } }),
    db.seatCase.findMany({ where: { runId }, select: { seatId: true, caseIndex: true } }),
    db.runEvent.findMany({
      where: { runId, type: "amnesty.check" },
      select: { id: true, type: true, caseIndex: true, payload: true, actor: true },
    }),
  ]);
  const byActor = new Map<string, { thorough: number; hurried: number }>();
  for (const row of checks) {
    const entry = parseLogEntry(row);
    if (entry.type !== "amnesty.check") continue;
    const tally = byActor.get(row.actor) ?? { thorough: 0, hurried: 0 };
    if (entry.payload.thorough) tally.thorough++;
    else tally.hurried++;
    byActor.set(row.actor, tally);
  }
  const prisonerOf = new Map(dealt.map((d) => [d.seatId, d.caseIndex]));
  return runStore.readEngine(runId, (_run, engine) => {
    const { camp } = campOf(engine);
    const out = new Map<string, string>();
    for (const seat of seats) {
      if (seat.role === "procurator") {
        const t = byActor.get(`seat:${seat.number}`) ?? { thorough: 0, hurried: 0 };
        out.set(seat.id, `${t.thorough + t.hurried} checked (${t.thorough} thorough, ${t.hurried} hurried)`);
      } else {
        const i = prisonerOf.get(seat.id);
        out.set(seat.id, i === undefined ? "No prisoner yet" : (CAMP_STATE_SHORT[camp.prisoner(i).state] ?? ""));
      }
    }
    return out;
  });
}
