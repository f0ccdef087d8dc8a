import "server-only";
import { db } from "@/lib/db";
import { caseLabel } from "@/lib/runs/case-label";
import { dateLabel, simDate } from "@/lib/runs/clock";
import { logRows } from "@/lib/runs/exports/exports";
import { loadRunHistory } from "@/lib/runs/history/run-history";
import type { SeatRole } from "@/lib/runs/deal-cases";
import { OUTCOME_LABELS } from "@/lib/labels";
import { scenarioOfRun } from "@/lib/runs/store/custom-scenarios";
import { letterFates } from "./inbox";

/** One step of a case as it really went, in plain words, with who took it (a classmate by name, or the computer's office). */
export type RevealStep = { date: string; dateLabel: string; what: string; who: string };

/**
 * What really happened, shown to each student once the run has ended: the
 * whole path of their case(s), including everything they could not see at
 * the time (where a letter went, who held it and for how long).
 */
export type Reveal = {
  role: SeatRole;
  cases: {
    index: number;
    label: string;
    outcome: string;
    /** each letter's fate in a sentence: where it went, and how long it waited on whose desk */
    letters: string[];
    steps: RevealStep[];
  }[];
};

/**
 * The reveal for a seat's own cases, or null while the run is still on (a
 * student learns what happened behind the curtain only at the end). The
 * caller has checked that this browser holds the seat.
 */
export async function seatReveal(
  runId: string,
  role: SeatRole,
  caseIndexes: readonly number[],
): Promise<Reveal | null> {
  const run = await db.run.findUnique({
    where: { id: runId },
    include: { seats: { select: { number: true, displayName: true, role: true } } },
  });
  if (!run || (run.status !== "debrief" && run.status !== "archived")) return null;
  const scenario = scenarioOfRun(run);
  if (!scenario) return null;
  const history = await loadRunHistory(run.id);
  const seats = run.seats.map((s) => ({ ...s, role: s.role === "procurator" ? "procurator" : "petitioner" }) as const);
  // Which classmate, if any, held each case at the commission.
  const holders = new Map(
    (
      await db.seatCase.findMany({
        where: { runId, caseIndex: { in: [...caseIndexes] }, role: "procurator" },
        select: { caseIndex: true, seat: { select: { number: true, displayName: true } } },
      })
    ).map((h) => [h.caseIndex, h.seat]),
  );
  return {
    role,
    cases: [...caseIndexes]
      .sort((a, b) => a - b)
      .map((i) => {
        const events = history.events.filter((e) => e.caseIndex === i);
        const rows = logRows({ events, world: history.world }, scenario.startDate, seats);
        const holder = holders.get(i);
        const desk = holder ? `${holder.displayName}'s desk (seat ${holder.number}, a classmate)` : "a computer desk";
        const letters = letterFates(history.world.caseHistory(i), history.world.now, desk, scenario.startDate);
        return {
          index: i,
          label: caseLabel(i),
          outcome: OUTCOME_LABELS[history.world.caseState(i).outcome],
          letters,
          steps: rows.map((r, k) => ({
            date: r.timestamp.slice(0, 10),
            dateLabel: dateLabel(simDate(scenario.startDate, events[k]!.day)),
            what: r.activity,
            who: r.resource,
          })),
        };
      }),
  };
}
