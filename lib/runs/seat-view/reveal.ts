import "server-only";
import { db } from "@/lib/db";
import { caseLabel } from "@/lib/runs/case-label";
import { dateLabel, simDate } from "@/lib/runs/calendar";
import { logRows } from "@/lib/runs/exports/exports";
import { loadRunHistory } from "@/lib/runs/history/run-history";
import type { SeatRole } from "@/lib/runs/deal-cases";
import { OUTCOME_LABELS } from "@/lib/labels";
import { scenarioOfRun } from "@/lib/runs/store/custom-scenarios";
import { deskName, deskOf, inbox, letterFates, REACHES_COMMISSION } from "./inbox";
import { DESK_COSTS } from "@/lib/desk/work";
import { DECISION_LABELS } from "@/lib/labels";
import type { RunHistory } from "@/lib/runs/history/history";
import { parseLogEntry } from "@/lib/runs/store/log-entry";
import { districtCases, lettersAboutCases, lettersToDesk } from "@/lib/runs/store/queries";
import { describeWait, kaplanMeier } from "@/lib/sim/survival";
import { returnCard, type ReturnCard } from "@/lib/runs/return-card";
import { RULES } from "@/machines/rules";
import type { SourceKey } from "@/machines/vocabulary";

/** What a personal debrief says of someone freed on paper whom the camp still held at the end. */
const HELD_AFTER_RELEASE = {
  text: "Freed on paper, still held: the release order was issued, but when the run ended the camp had not let the person go, so they were not coming home yet.",
  source: RULES.heldAfterRelease.source,
};

/** One step of a case as it really went, in plain words, with who took it (a classmate by name, or the computer's office). */
export type RevealStep = { date: string; dateLabel: string; what: string; who: string };

/**
 * What really happened, shown to each student once the run has ended: the
 * whole path of their case(s), including everything they could not see at
 * the time (where a letter went, who held it and for how long).
 */
/** A procurator's desk over the whole run, beside the computer's desks in the rest of the province. */
export type DeskReveal = {
  /** decisions recorded, by kind */
  decisions: { label: string; count: number }[];
  /** hours spent, by kind of work */
  hours: { label: string; hours: number }[];
  /** classmates' letters that reached the desk, and how long they waited (to a decision, or the run's end) */
  inbox: { letters: number; meanWaitDays: number | null; longestWaitDays: number | null };
  /**
   * The median wait from a file reaching the commission to its decision, files
   * still waiting counted as waiting ("34 days", "more than 120 days", "—"):
   * on this desk, and on the computer's desks.
   */
  medianDaysToDecision: { yours: string; computer: string };
};

export type Reveal = {
  role: SeatRole;
  /** a run played alone: no classmates, so no classmate's name or letter to speak of */
  solo: boolean;
  /** a procurator's: the desk's work over the run */
  desk?: DeskReveal;
  cases: {
    index: number;
    label: string;
    outcome: string;
    /** each letter's fate in a sentence: where it went, and how long it waited on whose desk */
    letters: string[];
    steps: RevealStep[];
    /** a petitioner's case whose outcome released the person: what coming home meant (lib/runs/return-card.ts) */
    returnCard?: ReturnCard;
    /** freed on paper, still held: a release order the camp had not carried out when the run ended */
    stillHeld?: { text: string; source: SourceKey };
  }[];
};

/**
 * The reveal for a seat's own cases, or null while the run is still on (a
 * student learns what happened behind the curtain only at the end). The
 * caller has checked that this browser holds the seat.
 */
export async function seatReveal(
  runId: string,
  seat: { number: number; role: SeatRole },
  caseIndexes: readonly number[],
): Promise<Reveal | null> {
  const { role } = seat;
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
  const desk = role === "procurator" ? await deskReveal(runId, seat.number, caseIndexes, history) : undefined;
  return {
    role,
    solo: run.ownerId === null,
    ...(desk ? { desk } : {}),
    cases: [...caseIndexes]
      .sort((a, b) => a - b)
      .map((i) => {
        const events = history.events.filter((e) => e.caseIndex === i);
        const rows = logRows({ events, world: history.world }, scenario.startDate, seats);
        const holder = holders.get(i);
        // A solo run has no classmates: the one seat is "you", every other desk the computer's.
        const desk = deskName(holder, seat.number, run.ownerId === null);
        const letters = letterFates(history.world.caseHistory(i), history.world.now, desk, scenario.startDate);
        const { outcome, path } = history.world.caseState(i);
        const card =
          role === "petitioner"
            ? returnCard({ ...history.world.caseFacts(i), outcome, startedInExile: !history.world.startedInCamp(i) })
            : null;
        return {
          index: i,
          label: caseLabel(i),
          outcome: OUTCOME_LABELS[outcome],
          letters,
          ...(card ? { returnCard: card } : {}),
          ...(path === "heldAfterRelease" ? { stillHeld: HELD_AFTER_RELEASE } : {}),
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

/**
 * The median wait from reaching the commission to the decision, over the
 * cases that pass `keep`: those still undecided at `endDay` count as waiting
 * (lib/sim/survival.ts), so a desk that left files untouched does not look fast.
 */
function medianWait(events: RunHistory["events"], keep: (i: number) => boolean, endDay: number): string {
  const reached = new Map<number, number>();
  const decided: number[] = [];
  for (const e of events) {
    if (!keep(e.caseIndex)) continue;
    if (REACHES_COMMISSION.has(e.event.type) && !reached.has(e.caseIndex)) reached.set(e.caseIndex, e.day);
    if (e.event.type === "review.decide" && reached.has(e.caseIndex)) {
      decided.push(e.day - reached.get(e.caseIndex)!);
      reached.delete(e.caseIndex);
    }
  }
  const waiting = [...reached.values()].map((day) => Math.max(0, endDay - day));
  return describeWait(kaplanMeier(Float64Array.from(decided), Float64Array.from(waiting)));
}

async function deskReveal(
  runId: string,
  number: number,
  caseIndexes: readonly number[],
  history: RunHistory,
): Promise<DeskReveal> {
  const actor = `seat:${number}`;
  const mine = new Set(caseIndexes);
  // The computer's desks: every case no student procurator held.
  const district = await districtCases(runId);
  const rows = await db.runEvent.findMany({
    where: { runId, actor, type: { in: ["case.act", "desk.work"] } },
    select: { id: true, type: true, caseIndex: true, payload: true },
  });
  const hours = new Map<string, number>();
  const decisions = new Map<string, number>();
  const add = (label: string, h: number) => hours.set(label, (hours.get(label) ?? 0) + h);
  for (const row of rows) {
    const entry = parseLogEntry(row);
    if (entry.type === "desk.work") {
      const p = entry.payload;
      add(
        p.read
          ? "Reading files"
          : p.letter
            ? "Reading classmates' letters"
            : p.deputy
              ? DESK_COSTS["desk.deputy"].label
              : p.list
                ? DESK_COSTS["lists.request"].label
                : "Other desk work",
        p.hours,
      );
    } else if (entry.type === "case.act") {
      const { event, hours: h } = entry.payload;
      if (event.type === "review.decide")
        decisions.set(DECISION_LABELS[event.decision], (decisions.get(DECISION_LABELS[event.decision]) ?? 0) + 1);
      const work = event.type as keyof typeof DESK_COSTS;
      if (h) add(DESK_COSTS[work]?.label ?? "Other desk work", h);
    }
  }
  // Classmates' letters on this desk, read back from the world at the run's end.
  const arrived = inbox(
    deskOf(history.world, caseIndexes),
    lettersToDesk(await lettersAboutCases(runId, caseIndexes), { seatNumber: number, cases: caseIndexes }),
    history.world.now,
    history.world.scenario.startDate,
  );
  const waits = arrived.map((l) => l.waitedDays);
  return {
    decisions: [...decisions].map(([label, count]) => ({ label, count })),
    hours: [...hours].map(([label, h]) => ({ label, hours: h })).sort((a, b) => b.hours - a.hours),
    inbox: {
      letters: arrived.length,
      meanWaitDays: waits.length === 0 ? null : Math.round(waits.reduce((a, b) => a + b, 0) / waits.length),
      longestWaitDays: waits.length === 0 ? null : Math.max(...waits),
    },
    medianDaysToDecision: {
      yours: medianWait(history.events, (i) => mine.has(i), history.world.now),
      computer: medianWait(history.events, (i) => !district.has(i), history.world.now),
    },
  };
}
