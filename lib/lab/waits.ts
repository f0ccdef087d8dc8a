/**
 * How long cases waited for a decision in a lab run, counting the cases
 * still undecided at the end.
 *
 * Every case in a run is there from day 0 and the run stops at its horizon,
 * so the cases nobody decided are "censored" at the horizon: all we know is
 * that they waited at least that long. With everyone starting on the same
 * day, the Kaplan–Meier estimate of the share still waiting on day t is just
 * 1 − (decided by day t) / (all cases), and its median is the first day by
 * which half of *all* cases were decided — or "more than the horizon" when
 * fewer than half ever were.
 *
 * The median over decided cases only answers a different question ("of
 * those who got a decision, how long did they wait?") and misleads when it
 * is compared between runs: deciding more cases adds cases that had waited
 * long, so that median can rise while every case waits less. The lab shows
 * both, labelled, with the number still waiting.
 */

/** Decisions in a run by day since its start: `decidedOnDay[d]` cases were decided on day d (0 … horizonDays). */
export type DecisionCurve = {
  /** every case the run covered, decided or not */
  cases: number;
  horizonDays: number;
  decidedOnDay: readonly number[];
};

/** The time by which a share of all cases was decided: a day, or only "more than" the horizon when not reached. */
export type TimeToDecision =
  | { reached: true; days: number }
  | { reached: false; moreThan: number }
  /** a run with no cases */
  | null;

/** A share as a fraction of `of`, with a little room for floating point (0.9 × 10 is not quite 9). */
const reaches = (count: number, share: number, of: number) => count >= share * of - 1e-9;

export function decidedTotal(curve: DecisionCurve): number {
  let sum = 0;
  for (const n of curve.decidedOnDay) sum += n;
  return sum;
}

/** Cases decided by the end of `day` (all of them from the horizon on). */
export function decidedBy(curve: DecisionCurve, day: number): number {
  let sum = 0;
  const last = Math.min(Math.floor(day), curve.decidedOnDay.length - 1);
  for (let d = 0; d <= last; d++) sum += curve.decidedOnDay[d]!;
  return sum;
}

/** The share of all the run's cases decided by the end of `day`. */
export function shareDecidedBy(curve: DecisionCurve, day: number): number {
  return curve.cases > 0 ? decidedBy(curve, day) / curve.cases : 0;
}

/** The first day on which at least `share` of `of` cases had been decided, or null if that never happened. */
function firstDayReaching(curve: DecisionCurve, share: number, of: number): number | null {
  if (of <= 0) return null;
  let sum = 0;
  for (let d = 0; d < curve.decidedOnDay.length; d++) {
    sum += curve.decidedOnDay[d]!;
    if (reaches(sum, share, of)) return d;
  }
  return null;
}

/**
 * Days from the start by which `share` (half by default) of all cases was
 * decided, the undecided counted as still waiting at the horizon
 * (Kaplan–Meier with censoring at the horizon).
 */
export function timeToDecision(curve: DecisionCurve, share = 0.5): TimeToDecision {
  if (curve.cases <= 0) return null;
  const day = firstDayReaching(curve, share, curve.cases);
  return day === null ? { reached: false, moreThan: curve.horizonDays } : { reached: true, days: day };
}

/** The median day of decision among the decided cases only (null when none was decided). */
export function decidedOnlyMedian(curve: DecisionCurve): number | null {
  return firstDayReaching(curve, 0.5, decidedTotal(curve));
}

/** The figure to compare: the day, or its lower bound when not reached. */
export function timeToDecisionAtLeast(t: TimeToDecision): number | null {
  if (t === null) return null;
  return t.reached ? t.days : t.moreThan;
}

/** "within 157 days", or "not within the run's 240 days", or "—" for a run with no cases. */
export function describeTimeToDecision(t: TimeToDecision): string {
  if (t === null) return "—";
  return t.reached ? `${t.days} days` : `more than ${t.moreThan} days (not reached in the run)`;
}

/** Days at which the lab's tables read the curves: every `every` days from 0, and the horizon itself. */
export function checkpointDays(horizons: readonly number[], every = 60): number[] {
  const longest = Math.max(0, ...horizons);
  const days = new Set<number>();
  for (let d = 0; d <= longest; d += every) days.add(d);
  for (const h of horizons) days.add(h);
  return [...days].sort((a, b) => a - b);
}
