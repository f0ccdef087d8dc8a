import "server-only";
import { db } from "@/lib/db";
import { OUTCOME_LABELS, STAGE_LABELS } from "@/lib/labels";
import { consoleCharts, type ConsoleCharts } from "./console-charts";
import type { SeatRole } from "@/lib/runs/deal-cases";
import { historicalDateLabel, INJECTIONS, injectionIsEarly } from "@/lib/runs/injections";
import { pipelineView, type PipelineView } from "./pipeline";
import { loadRunHistory } from "@/lib/runs/history/run-history";
import { runStore } from "@/lib/runs/store/store";
import { withSeatRole } from "@/lib/runs/store/stored-rows";
import { dateLabel, simDate } from "@/lib/runs/calendar";
import { deskHoursLeft } from "@/lib/desk/available-actions";
import { deskOf, inbox, unreadLetters } from "@/lib/runs/seat-view/inbox";
import { nameKey } from "@/lib/runs/seats/seat-controls";
import { collidingNames, seatStatus, type SeatStatus } from "./seat-status";
import { lettersAboutCases, lettersByCase, lettersToDesk } from "@/lib/runs/store/queries";

/** One seat as the console lists it: where its student is, in a line. */
export type SeatFigures = {
  id: string;
  number: number;
  role: SeatRole;
  displayName: string;
  /** procurators: files still on the desk, files at review, hours used today; petitioners: letters and where the case is */
  summary: string;
  /** active, idle or offline, and what holds a procurator up */
  status: SeatStatus;
  /** other seats whose names look the same ("Alex" and "alex"), so the list marks them */
  sameNameAs: number[];
};

export type ConsoleData = {
  pipeline: PipelineView;
  charts: ConsoleCharts;
  seats: SeatFigures[];
  /** cases the computer plays: every case not dealt to a seat */
  botCases: number;
  /**
   * The class's district: the files on student procurators' desks (the class is
   * their commission), how many are decided, and the classmates' letters
   * waiting in the desks' inboxes; null without procurator seats.
   */
  district: { desks: number; files: number; decided: number; waiting: number; oldestWaitDays: number } | null;
  injections: {
    id: string;
    title: string;
    date: string;
    effectNote: string;
    source: string;
    sizeSource: string;
    injectedOn: string | null;
    /** Injected before its historical date: a what-if. */
    whatIf: boolean;
    /** In force already because the scenario scheduled it (cannot be injected again). */
    scheduled: boolean;
    /** Its historical date is after the run's date: only as a labelled what-if. */
    early: boolean;
    dateLabel: string;
  }[];
};

/** Everything the live console shows beyond the clock, for the run's owner (the caller checks ownership). */
export async function consoleData(runId: string): Promise<ConsoleData> {
  const rows = await db.seat.findMany({
    where: { runId, removedAt: null },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      role: true,
      displayName: true,
      lastSeenAt: true,
      createdAt: true,
      cases: { select: { caseIndex: true, role: true } },
      _count: { select: { letters: true } },
    },
  });
  const seats = rows.map((seat) => withSeatRole(seat, runId));
  // Each seat's latest action (its own entries only), for who is idle.
  const acted = new Map(
    (
      await db.runEvent.groupBy({
        by: ["actor"],
        where: { runId, type: { in: ["case.act", "letter.write", "desk.work"] } },
        _max: { at: true },
      })
    ).map((row) => [row.actor, row._max.at?.getTime() ?? 0]),
  );
  const same = collidingNames(seats.map((seat) => ({ number: seat.number, key: nameKey(seat.displayName) })));
  const nowMs = runStore.nowMs();
  // Classmates' letters, for the procurators' inboxes (lib/runs/seat-view/inbox.ts keeps those that arrived).
  // Grouped by case once: each procurator's desk then reads only its own cases' letters.
  const letters = lettersByCase(await lettersAboutCases(runId));
  const now = await runStore.read(runId, (run, world, scenario) => {
    const dealt = new Set<number>();
    const district = { desks: 0, files: 0, decided: 0, waiting: 0, oldestWaitDays: 0 };
    const figures = seats.map((seat) => {
      const cases = seat.cases.filter((c) => c.role === seat.role).map((c) => c.caseIndex);
      cases.forEach((i) => dealt.add(i));
      let summary: string;
      if (seat.role === "procurator") {
        const onDesk = cases.filter((i) => {
          const { outcome, path } = world.caseState(i);
          return outcome === "pending" && !path.startsWith("court.");
        });
        const atReview = cases.filter((i) => world.caseState(i).path === "commission.review").length;
        const used = scenario.desks.hoursPerDay - deskHoursLeft(world, cases);
        const waiting = inbox(
          deskOf(world, cases),
          lettersToDesk(letters, { seatNumber: seat.number, cases }),
          world.now,
          scenario.startDate,
        ).filter((l) => !l.answered);
        const oldest = Math.max(0, ...waiting.map((l) => l.waitedDays));
        district.desks++;
        district.files += cases.length;
        district.decided += cases.length - onDesk.length;
        district.waiting += waiting.length;
        district.oldestWaitDays = Math.max(district.oldestWaitDays, oldest);
        const inboxLine =
          waiting.length === 0 ? "inbox empty" : `inbox: ${waiting.length} waiting, the oldest ${oldest} days`;
        summary = `${onDesk.length} of ${cases.length} files on the desk, ${atReview} at review · ${used} of ${scenario.desks.hoursPerDay} hours used today · ${inboxLine}`;
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
      const status = seatStatus({
        now: nowMs,
        lastSeenAt: seat.lastSeenAt.getTime(),
        lastActiveAt: Math.max(acted.get(`seat:${seat.number}`) ?? 0, seat.createdAt.getTime()),
        running: run.status === "running",
        ...(seat.role === "procurator"
          ? {
              procurator: {
                hoursLeft: deskHoursLeft(world, cases),
                unreadLetters: cases.reduce((n, i) => n + unreadLetters(world, i), 0),
              },
            }
          : {}),
      });
      return {
        id: seat.id,
        number: seat.number,
        role: seat.role,
        displayName: seat.displayName,
        summary,
        status,
        sameNameAs: same.get(seat.number) ?? [],
      };
    });
    const injected = new Map(world.injections().map((e) => [e.id, e]));
    return {
      run,
      scenario,
      pipeline: pipelineView(world),
      seats: figures,
      botCases: world.caseCount - dealt.size,
      district: district.desks > 0 ? district : null,
      injections: INJECTIONS.map((inj) => ({
        id: inj.id,
        title: inj.title,
        date: inj.date,
        effectNote: inj.effectNote,
        source: inj.source,
        sizeSource: inj.sizeSource,
        injectedOn: injected.has(inj.id)
          ? dateLabel(simDate(scenario.startDate, Math.floor(injected.get(inj.id)!.day)))
          : null,
        whatIf: injected.get(inj.id)?.counterfactual === true,
        scheduled: !injected.has(inj.id) && world.eventInForce(inj.id),
        early: injectionIsEarly(inj.date, scenario.startDate, world.now),
        dateLabel: historicalDateLabel(inj.date),
      })),
    };
  });
  // The charts' history stops at the same instant as the figures above.
  const history = await loadRunHistory(runId, { run: now.run, scenario: now.scenario });
  return {
    pipeline: now.pipeline,
    seats: now.seats,
    botCases: now.botCases,
    district: now.district,
    injections: now.injections,
    charts: consoleCharts(history, now.scenario.startDate),
  };
}
