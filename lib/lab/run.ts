import { OUTCOME_LABELS } from "@/lib/labels";
import { dateLabel, simDate } from "@/lib/runs/clock";
import { KEY_FIGURE_LABELS, keyFigures } from "@/lib/runs/debrief/debrief";
import { World } from "@/lib/sim/engine";
import { runAmnesty, type AmnestyOutcome } from "@/lib/sim/amnesty/engine";
import type { AmnestyScenario } from "@/lib/sim/amnesty/scenario";
import type { Scenario } from "@/lib/sim/scenario-schema";
import { describeWait, type Waits } from "@/lib/sim/survival";
import { EVENT_IDS } from "@/machines/case-events";
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

/** One row of the side-by-side table: a figure, or null where it does not apply to this kind of run. */
export type LabFigure = { key: string; label: string; value: string | null };

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
  released: "Released by the end",
  releasedShare: "Released, as a share of those held",
  medianFromStart: "Median wait from the start (those still waiting count)",
  medianDecidedOnly: "Median wait among those decided only (leaves out those still waiting)",
  undecided: "Still waiting at the end (1954–55: no decision yet; 1945: covered, still in the camp)",
  decided: KEY_FIGURE_LABELS.decided,
  rehabilitated: KEY_FIGURE_LABELS.rehabilitated,
  upheldShare: KEY_FIGURE_LABELS.upheldShare,
  spravkaIssued: KEY_FIGURE_LABELS.spravkaIssued,
  qualifying: "Covered by the decree's categories",
  termsHalved: "Terms halved",
  returnedAfterError: "Released in error and returned",
  keptOn: "Kept on as “voluntary” labour",
  heldAfterRelease: "Freed on paper, still held at the end",
  newPrisoners: "New prisoners meanwhile",
} as const;
type FigureKey = keyof typeof LAB_FIGURE_LABELS;

function table(values: Partial<Record<FigureKey, string>>): LabFigure[] {
  return (Object.keys(LAB_FIGURE_LABELS) as FigureKey[]).map((key) => ({
    key,
    label: LAB_FIGURE_LABELS[key],
    value: values[key] ?? null,
  }));
}

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
  const decisive = new Set<number>([...EVENT_IDS.decide, EVENT_IDS.pardon]);
  world.onCaseEvent = (i, eventId) => {
    if (i < seen.length && seen[i] === 0 && decisive.has(eventId)) {
      seen[i] = 1;
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
  const undecided = result.cases - decidedTotal(curve);
  // Decided, but the outcome is not final yet (a protest before a court, a reinvestigation, a release order
  // the camp has not carried out): "pending" in the engine's tally, like the undecided.
  const notFinal = Math.max(0, result.outcomes.pending - undecided);
  const medianOfDecided = decidedOnlyMedian(curve);
  return {
    kind: "review",
    query: configToQuery(config),
    scenarioTitle: scenario.title,
    cases: result.cases,
    unit: "cases",
    horizonDays: scenario.horizonDays,
    figures: table({
      held: `${n(result.cases)} cases`,
      released: `${n(released)} cases`,
      releasedShare: pct(released / result.cases),
      medianFromStart: describeTimeToDecision(timeToDecision(curve)),
      medianDecidedOnly: describeDecidedOnly(medianOfDecided),
      undecided: countWithShare(undecided, result.cases),
      decided: countWithShare(key.decided, result.cases),
      rehabilitated: countWithShare(key.rehabilitated, result.cases),
      upheldShare: key.upheldShare,
      spravkaIssued: countWithShare(key.spravkaIssued, result.cases),
      heldAfterRelease: countWithShare(result.heldAfterRelease, result.cases),
      // New Article 59 arrests in 1955 joined the same queues (RULES.newArrests); none before 1955.
      newPrisoners: `${countWithShare(result.newArrests.arrived, result.cases)} (new Article 59 arrests, 1955)`,
    }),
    waits: result.daysToDecision,
    waitsFromStart: result.daysFromStart,
    outcomes: [
      ...OUTCOMES.filter((o) => o !== "pending").map((o) => ({
        outcome: o,
        label: OUTCOME_LABELS[o],
        count: result.outcomes[o],
      })),
      { outcome: "notFinal", label: "Decided, outcome not final yet", count: notFinal, waiting: true },
      { outcome: "undecided", label: "Not decided: still waiting", count: undecided, waiting: true },
    ],
    series,
    curve,
  };
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
