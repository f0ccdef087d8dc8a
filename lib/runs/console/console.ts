import "server-only";
import { db } from "@/lib/db";
import { OUTCOME_LABELS, STAGE_LABELS } from "@/lib/labels";
import { consoleCharts, type ConsoleCharts } from "./console-charts";
import type { SeatRole } from "@/lib/runs/deal-cases";
import { INJECTIONS } from "@/lib/runs/injections";
import { pipelineView, type PipelineView } from "./pipeline";
import { loadRunHistory } from "@/lib/runs/history/run-history";
import { runStore } from "@/lib/runs/store/store";
import { withSeatRole } from "@/lib/runs/store/stored-rows";
import { dateLabel, simDate } from "@/lib/runs/clock";
import { deskHoursLeft } from "@/lib/desk/available-actions";

/** One seat as the console lists it: where its student is, in a line. */
export type SeatFigures = {
  id: string;
  number: number;
  role: SeatRole;
  displayName: string;
  /** procurators: files still on the desk, files at review, hours used today; petitioners: letters and where the case is */
  summary: string;
};

export type ConsoleData = {
  pipeline: PipelineView;
  charts: ConsoleCharts;
  seats: SeatFigures[];
  /** cases the computer plays: every case not dealt to a seat */
  botCases: number;
  injections: {
    id: string;
    title: string;
    date: string;
    effectNote: string;
    source: string;
    sizeSource: string;
    injectedOn: string | null;
  }[];
};

/** Everything the live console shows beyond the clock, for the run's owner (the caller checks ownership). */
export async function consoleData(runId: string): Promise<ConsoleData> {
  const rows = await db.seat.findMany({
    where: { runId },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      role: true,
      displayName: true,
      cases: { select: { caseIndex: true } },
      _count: { select: { letters: true } },
    },
  });
  const seats = rows.map((seat) => withSeatRole(seat, runId));
  const now = await runStore.read(runId, (run, world, scenario) => {
    const dealt = new Set<number>();
    const figures = seats.map((seat) => {
      const cases = seat.cases.map((c) => c.caseIndex);
      cases.forEach((i) => dealt.add(i));
      let summary: string;
      if (seat.role === "procurator") {
        const onDesk = cases.filter((i) => {
          const { outcome, path } = world.caseState(i);
          return outcome === "pending" && !path.startsWith("court.");
        });
        const atReview = cases.filter((i) => world.caseState(i).path === "commission.review").length;
        const used = scenario.desks.hoursPerDay - deskHoursLeft(world, cases);
        summary = `${onDesk.length} of ${cases.length} files on the desk, ${atReview} at review · ${used} of ${scenario.desks.hoursPerDay} hours used today`;
      } else {
        const i = cases[0];
        const where =
          i === undefined
            ? "no case yet"
            : world.caseState(i).outcome !== "pending"
              ? OUTCOME_LABELS[world.caseState(i).outcome]
              : (() => {
                  const stage = world.caseStage(i).stage;
                  return stage ? STAGE_LABELS[stage] : "nobody pursuing the case";
                })();
        summary = `${seat._count.letters} letter${seat._count.letters === 1 ? "" : "s"} sent · ${where}`;
      }
      return { id: seat.id, number: seat.number, role: seat.role, displayName: seat.displayName, summary };
    });
    const injected = new Map(world.injections().map((e) => [e.id, e.day]));
    return {
      run,
      scenario,
      pipeline: pipelineView(world),
      seats: figures,
      botCases: world.caseCount - dealt.size,
      injections: INJECTIONS.map((inj) => ({
        id: inj.id,
        title: inj.title,
        date: inj.date,
        effectNote: inj.effectNote,
        source: inj.source,
        sizeSource: inj.sizeSource,
        injectedOn: injected.has(inj.id)
          ? dateLabel(simDate(scenario.startDate, Math.floor(injected.get(inj.id)!)))
          : null,
      })),
    };
  });
  // The charts' history stops at the same instant as the figures above.
  const history = await loadRunHistory(runId, { run: now.run, scenario: now.scenario });
  return {
    pipeline: now.pipeline,
    seats: now.seats,
    botCases: now.botCases,
    injections: now.injections,
    charts: consoleCharts(history, now.scenario.startDate),
  };
}
