import { OUTCOME_LABELS } from "@/lib/labels";
import { commissionDecisions } from "@/lib/sim/metrics";
import { NEW_ARRESTS_1955 } from "@/machines/rules";
import { dateLabel, simDate } from "@/lib/runs/calendar";
import { keyFigures } from "@/lib/runs/debrief/debrief";
import { World } from "@/lib/sim/engine";
import { runAmnesty, type AmnestyOutcome } from "@/lib/sim/amnesty/engine";
import type { AmnestyScenario } from "@/lib/sim/amnesty/scenario";
import type { Scenario } from "@/lib/sim/scenario-schema";
import { describeWait, type Waits } from "@/lib/sim/survival";
import { CASE_EVENTS, EVENT_IDS } from "@/machines/case-events";
import { OUTCOMES, STAGES } from "@/machines/vocabulary";
import { configToQuery, isAmnestyScenario, labScenario, type LabConfig } from "./config";
import { countWithShare, formatShare } from "./shares";
import { decidedOnlyMedian, decidedTotal, describeTimeToDecision, timeToDecision, type DecisionCurve } from "./waits";

export type LabPoint = {
  day: number;
  date: string;
  /** people the process covered, still waiting inside it */
  waiting: number;
  /** people freed so far, as a share of everyone held at the start */
  releasedShare: number;
};

/**
 * One row of the side-by-side table: a figure, or null where it does not
 * apply to this kind of run. `count` is the number the value leads with, and
 * `outcomes` the outcome rows (of the outcome chart's table) that add up to
 * it, so a test can check that the table and the chart say the same.
 */
export type LabFigure = { key: string; label: string; value: string | null; count?: number; outcomes?: string[] };

export type LabResult = {
  /** "review": the 1954–55 case review; "amnesty1945": release by category */
  kind: "review" | "amnesty1945";
  query: string;
  scenarioTitle: string;
  /** cases (review) or prisoners (1945) at the start */
  cases: number;
  /** what `cases` counts */
  unit: "cases" | "prisoners";
  horizonDays: number;
  figures: LabFigure[];
  /** review: from the commission knowing of a case to its decision; 1945: from the decree to the records department's determination */
  waits: Waits;
  /** from the start, everyone counted (those still waiting count as waiting) */
  waitsFromStart: Waits;
  /** every case (or prisoner) of the run in exactly one row, those still waiting at the end included */
  outcomes: LabOutcome[];
  /** at most about MAX_POINTS points over the scenario's span */
  series: LabPoint[];
  /**
   * Decisions by day since the start (1945: leaving the camp, over those the
   * decree covered), for waits that count the undecided (./waits.ts).
   */
  curve: DecisionCurve;
};

/** One bar of the outcome chart; `waiting` marks the rows of people still waiting at the end. */
export type LabOutcome = { outcome: string; label: string; count: number; waiting?: boolean };

const MAX_POINTS = 100;

/**
 * The rows every lab table shows, in order; each kind fills those that apply
 * to it. The 1954–55 review's own figures keep the debrief's labels.
 */
const LAB_FIGURE_LABELS = {
  held: "Held at the start (cases or prisoners)",
  // Decided = by the commission + pardoned first; decided + still waiting = held. The decided chart's
  // sentence counts the same cases.
  decided: "Cases decided by the end (by the commission, or pardoned first)",
  commissionDecided: "Cases the commission decided",
  pardonedFirst: "Cases pardoned by the Presidium before the commission decided",
  undecided: "Still waiting at the end (1954–55: no decision yet; 1945: covered, still in the camp)",
  notFinal: "Decided, outcome not final yet",
  released: "Released by the end",
  releasedShare: "Released, as a share of those held",
  heldAfterRelease: "Freed on paper, still held at the end",
  // Each 1954–55 result twice, side by side: what the commission decided (what the provinces' tallies and
  // the sources count), and the final outcome once a court had ruled (what the outcome chart shows).
  rehabilitated: "Full rehabilitation — decided by the commission (cases)",
  rehabilitatedFinal: "Full rehabilitation — final outcome after the court (cases)",
  upheldShare: "Sentence upheld — decided by the commission",
  upheldFinal: "Sentence upheld — final outcome after the court",
  amnestied: "1953 amnesty, directly or by reclassifying as art. 109 — decided by the commission",
  amnestiedFinal: "1953 amnesty, directly or by reclassifying as art. 109 — final outcome after the court",
  spravkaIssued: "Spravki issued",
  medianFromStart: "Median wait from the start (those still waiting count)",
  medianDecidedOnly: "Median wait among those decided only (leaves out those still waiting)",
  qualifying: "Covered by the decree's categories",
  termsHalved: "Terms halved",
  returnedAfterError: "Released in error and returned",
  keptOn: "Kept on as “voluntary” labour",
  newPrisoners: "New prisoners meanwhile",
} as const;
type FigureKey = keyof typeof LAB_FIGURE_LABELS;

/** A row's value: its text, or its text with the count it shows and the outcome rows that add up to it. */
type FigureValue = string | { value: string; count: number; outcomes?: string[] };

function table(values: Partial<Record<FigureKey, FigureValue>>): LabFigure[] {
  return (Object.keys(LAB_FIGURE_LABELS) as FigureKey[]).map((key) => {
    const v = values[key];
    const base = { key, label: LAB_FIGURE_LABELS[key] };
    if (v === undefined) return { ...base, value: null };
    return typeof v === "string" ? { ...base, value: v } : { ...base, ...v };
  });
}

/** A count with its share of the run's total, keeping the count for the tests' cross-checks. */
const counted = (count: number, total: number, outcomes?: string[]) => ({
  value: countWithShare(count, total),
  count,
  ...(outcomes ? { outcomes } : {}),
});

/**
 * The 1954–55 outcomes as the lab names them: the final outcome of each case.
 * A reclassification as art. 109 was how most of Chita's ~137 amnesties came
 * (the game calibrates the two together: lib/sim/metrics amnestiedCases), so
 * the label says so rather than leave "Amnestied" to look like the only
 * amnesty row.
 */
const LAB_OUTCOME_LABELS: Record<string, string> = {
  ...OUTCOME_LABELS,
  reclassified: "Reclassified as art. 109, so amnestied",
  amnestied: "Amnestied directly (1953 amnesty)",
};

const n = (x: number) => x.toLocaleString("en");
const pct = formatShare;
const describeDecidedOnly = (days: number | null) => (days === null ? "none yet" : `${days} days`);

/**
 * Runs a lab configuration to the scenario's horizon, sampling where people
 * wait at most about MAX_POINTS times and reporting progress (0 … 1) as it
 * goes. Pure and deterministic: the same configuration gives the same
 * result, in a Web Worker or in a test.
 */
export function runLab(config: LabConfig, onProgress: (done: number) => void = () => {}): LabResult {
  const scenario = labScenario(config);
  return isAmnestyScenario(scenario)
    ? runAmnestyLab(config, scenario, onProgress)
    : runReviewLab(config, scenario, onProgress);
}

function runReviewLab(config: LabConfig, scenario: Scenario, onProgress: (done: number) => void): LabResult {
  const world = new World(scenario, config.seed);
  // The day each of the run's own cases was first decided (a commission decision or a pardon), as the
  // engine's waits count it; new arrests in 1955 are no part of the caseload compared.
  const decidedOnDay = new Array<number>(scenario.horizonDays + 1).fill(0);
  const seen = new Uint8Array(scenario.caseload.cases);
  // A flag per event id: read on every event of a national run, so an array rather than a Set.
  const decisive = new Uint8Array(CASE_EVENTS.length);
  for (const id of [...EVENT_IDS.decide, EVENT_IDS.pardon]) decisive[id] = 1;
  // Cases whose first answer was a Presidium pardon: decided, but not by the commission.
  let pardonedFirst = 0;
  world.onCaseEvent = (i, eventId) => {
    if (i < seen.length && seen[i] === 0 && decisive[eventId] === 1) {
      seen[i] = 1;
      if (eventId === EVENT_IDS.pardon) pardonedFirst++;
      decidedOnDay[Math.min(scenario.horizonDays, Math.max(0, Math.floor(world.now)))]!++;
    }
  };
  const step = Math.max(1, Math.ceil(scenario.horizonDays / MAX_POINTS));
  const series: LabPoint[] = [];
  for (let day = 0; ; day = Math.min(scenario.horizonDays, day + step)) {
    world.advanceTo(day);
    const { stages, released } = world.tally();
    series.push({
      day,
      date: dateLabel(simDate(scenario.startDate, day)),
      waiting: STAGES.reduce((sum, s) => sum + stages[s], 0),
      releasedShare: released / scenario.caseload.cases,
    });
    onProgress(day / scenario.horizonDays);
    if (day >= scenario.horizonDays) break;
  }
  world.onCaseEvent = null;
  const result = world.result(config.seed);
  const key = keyFigures(result);
  const released = key.released;
  const curve: DecisionCurve = { cases: result.cases, horizonDays: scenario.horizonDays, decidedOnDay };
  const decided = decidedTotal(curve);
  const undecided = result.cases - decided;
  // Decided, but the outcome is not final yet (a protest before a court, a reinvestigation, a release order
  // the camp has not carried out): "pending" in the engine's tally, like the undecided.
  const notFinal = Math.max(0, result.outcomes.pending - undecided);
  const medianOfDecided = decidedOnlyMedian(curve);
  const commission = commissionDecisions(result);
  const d = result.decisions;
  const o = result.outcomes;
  const of = (count: number, outcomes?: string[]) => counted(count, result.cases, outcomes);
  return {
    kind: "review",
    query: configToQuery(config),
    scenarioTitle: scenario.title,
    cases: result.cases,
    unit: "cases",
    horizonDays: scenario.horizonDays,
    figures: table({
      held: { value: `${n(result.cases)} cases`, count: result.cases },
      decided: of(decided),
      commissionDecided: of(commission),
      pardonedFirst: of(pardonedFirst),
      undecided: of(undecided, ["undecided"]),
      notFinal: of(notFinal, ["notFinal"]),
      released: { value: `${n(released)} cases`, count: released },
      releasedShare: pct(released / result.cases),
      heldAfterRelease: of(result.heldAfterRelease),
      rehabilitated: of(d.fullRehabilitation.cases),
      rehabilitatedFinal: of(o.rehabilitated, ["rehabilitated"]),
      upheldShare: {
        value: `${n(d.confirmRefusal.cases)} (${key.upheldShare} of its decisions)`,
        count: d.confirmRefusal.cases,
      },
      upheldFinal: of(o.upheld, ["upheld"]),
      amnestied: of(d.amnesty1953.cases + d.reclassification.cases),
      amnestiedFinal: of(o.amnestied + o.reclassified, ["amnestied", "reclassified"]),
      spravkaIssued: of(key.spravkaIssued),
      medianFromStart: describeTimeToDecision(timeToDecision(curve)),
      medianDecidedOnly: describeDecidedOnly(medianOfDecided),
      newPrisoners: {
        value: newArrestsNote(scenario, result.newArrests.arrived, result.cases),
        count: result.newArrests.arrived,
      },
    }),
    waits: result.daysToDecision,
    waitsFromStart: result.daysFromStart,
    outcomes: [
      ...OUTCOMES.filter((x) => x !== "pending").map((x) => ({
        outcome: x,
        label: LAB_OUTCOME_LABELS[x]!,
        count: o[x],
      })),
      { outcome: "notFinal", label: "Decided, outcome not final yet", count: notFinal, waiting: true },
      { outcome: "undecided", label: "Not decided: still waiting", count: undecided, waiting: true },
    ],
    series,
    curve,
  };
}

/**
 * The new Article 59 arrests of 1955 that joined the same queues
 * (RULES.newArrests). The source counts 12,765 in the whole USSR; a
 * province's run takes that figure scaled by its caseload against the
 * national 467,946 — the game's choice, not a provincial figure — and the
 * row says so.
 */
function newArrestsNote(scenario: Scenario, arrived: number, cases: number): string {
  const count = countWithShare(arrived, cases);
  if (arrived === 0) return `${count} (new Article 59 arrests came in 1955 only: none in this run's months)`;
  return scenario.caseload.newArrestsPerYear >= NEW_ARRESTS_1955
    ? `${count} (new Article 59 arrests, 1955: the USSR counted ${n(NEW_ARRESTS_1955)} that year)`
    : `${count} (new Article 59 arrests, 1955: the national ${n(NEW_ARRESTS_1955)} scaled to this province's caseload — invented, the game's choice)`;
}

/** What each 1945 outcome is called on the lab's chart. */
const AMNESTY_OUTCOME_LABELS: Record<AmnestyOutcome, string> = {
  freedHome: "Freed and home",
  freedInTransit: "Freed, waiting for a railcar",
  keptOn: "Freed, kept on as “voluntary” labour",
  returnedAfterError: "Released in error, returned",
  stillWaiting: "Covered, still waiting in the camp",
  excludedAsRecidivist: "Left out as a recidivist",
  termHalved: "Term halved",
  awaitingRecalculation: "To be halved, not yet",
  notCovered: "Not covered by the decree",
};

function runAmnestyLab(config: LabConfig, scenario: AmnestyScenario, onProgress: (done: number) => void): LabResult {
  const r = runAmnesty(scenario, config.seed, { onProgress });
  // Leaving the camp, by day (freedByDay[k] counts those out by the end of day k: they count from day k + 1,
  // as on the chart), over the prisoners the decree covered.
  const decidedOnDay = new Array<number>(scenario.horizonDays + 1).fill(0);
  let before = 0;
  for (let day = 1; day <= scenario.horizonDays; day++) {
    const soFar = Math.min(r.qualifying, r.freedByDay[day - 1] ?? before);
    decidedOnDay[day] = Math.max(0, soFar - before);
    before = Math.max(before, soFar);
  }
  const curve: DecisionCurve = { cases: r.qualifying, horizonDays: scenario.horizonDays, decidedOnDay };
  const step = Math.max(1, Math.ceil(scenario.horizonDays / MAX_POINTS));
  const series: LabPoint[] = [];
  for (let day = 0; ; day = Math.min(scenario.horizonDays, day + step)) {
    // Read at the end of the day before (day 0: nobody has gone yet).
    const k = day - 1;
    series.push({
      day,
      date: dateLabel(simDate(scenario.startDate, day)),
      waiting: k < 0 ? r.qualifying : r.waitingByDay[k]!,
      releasedShare: k < 0 ? 0 : r.freedByDay[k]! / r.cases,
    });
    if (day >= scenario.horizonDays) break;
  }
  return {
    kind: "amnesty1945",
    query: configToQuery(config),
    scenarioTitle: scenario.title,
    cases: r.cases,
    unit: "prisoners",
    horizonDays: scenario.horizonDays,
    figures: table({
      held: `${n(r.cases)} prisoners`,
      released: `${n(r.freed.total)} prisoners`,
      releasedShare: pct(r.freed.total / r.cases),
      medianFromStart: describeWait(r.daysFromStart),
      medianDecidedOnly: describeDecidedOnly(decidedOnlyMedian(curve)),
      undecided: countWithShare(r.outcomes.stillWaiting, r.cases),
      qualifying: countWithShare(r.qualifying, r.cases),
      termsHalved: countWithShare(r.termsHalved, r.cases),
      returnedAfterError: countWithShare(r.outcomes.returnedAfterError, r.cases),
      keptOn: countWithShare(r.outcomes.keptOn, r.cases),
      newPrisoners: countWithShare(r.newPrisoners.total, r.cases),
    }),
    waits: r.daysToDecision,
    waitsFromStart: r.daysFromStart,
    outcomes: (Object.keys(AMNESTY_OUTCOME_LABELS) as AmnestyOutcome[]).map((o) => ({
      outcome: o,
      label: AMNESTY_OUTCOME_LABELS[o],
      count: r.outcomes[o],
      ...(o === "stillWaiting" || o === "freedInTransit" || o === "awaitingRecalculation" ? { waiting: true } : {}),
    })),
    series,
    curve,
  };
}
