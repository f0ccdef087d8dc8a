import type { LabOutcome, LabPoint } from "./run";
import { shareOf } from "./shares";
import { checkpointDays, shareDecidedBy, type DecisionCurve } from "./waits";

/**
 * The rows of the tables that stand in for the lab's charts (for a screen
 * reader, or anyone who wants the numbers): the same figures as the charts,
 * read at the same days for every run.
 */

/** A run as its tables need it. */
type TableRun = { cases: number; horizonDays: number; outcomes: readonly LabOutcome[]; series: readonly LabPoint[] };

/** One outcome, with each run's count and share of its own cases (null where a run has no such outcome). */
export type OutcomeRow = {
  outcome: string;
  label: string;
  waiting: boolean;
  cells: ({ count: number; share: number } | null)[];
};

/** Every outcome any run has, in the first run's order; each run's count and its share of that run's cases. */
export function outcomeRows(runs: readonly Pick<TableRun, "cases" | "outcomes">[]): OutcomeRow[] {
  const order: LabOutcome[] = [];
  for (const r of runs) for (const o of r.outcomes) if (!order.some((x) => x.outcome === o.outcome)) order.push(o);
  return order.map((o) => ({
    outcome: o.outcome,
    label: o.label,
    waiting: o.waiting === true,
    cells: runs.map((r) => {
      const mine = r.outcomes.find((x) => x.outcome === o.outcome);
      return mine ? { count: mine.count, share: shareOf(mine.count, r.cases) } : null;
    }),
  }));
}

/** A day's row: each run's value, or null where the day lies past that run's end. */
export type DayRow = { day: number; values: (number | null)[] };

/** The released share at the same days for every run (the last sample on or before each day). */
export function releasedRows(runs: readonly Pick<TableRun, "horizonDays" | "series">[], every = 60): DayRow[] {
  return checkpointDays(
    runs.map((r) => r.horizonDays),
    every,
  ).map((day) => ({
    day,
    values: runs.map((r) => {
      if (day > r.horizonDays) return null;
      let value = 0;
      for (const p of r.series) if (p.day <= day) value = p.releasedShare;
      return value;
    }),
  }));
}

/** The share of all cases decided by the same days for every run. */
export function decidedRows(runs: readonly { curve: DecisionCurve }[], every = 60): DayRow[] {
  return checkpointDays(
    runs.map((r) => r.curve.horizonDays),
    every,
  ).map((day) => ({
    day,
    values: runs.map((r) => (day > r.curve.horizonDays ? null : shareDecidedBy(r.curve, day))),
  }));
}

/** The chart's points for the share decided: about `points` a run, and its last day. */
export function decidedSeries(curve: DecisionCurve, points = 100): { day: number; decidedShare: number }[] {
  const step = Math.max(1, Math.ceil(curve.horizonDays / points));
  const out: { day: number; decidedShare: number }[] = [];
  let sum = 0;
  for (let day = 0; day <= curve.horizonDays; day++) {
    sum += curve.decidedOnDay[day] ?? 0;
    if (day % step === 0 || day === curve.horizonDays) {
      out.push({ day, decidedShare: curve.cases > 0 ? sum / curve.cases : 0 });
    }
  }
  return out;
}

/**
 * Those still waiting at the end: in a review run, cases with no decision;
 * in a 1945 run, people the decree covered who were still in the camp.
 */
export function stillWaitingAtEnd(run: Pick<TableRun, "outcomes">): number {
  return run.outcomes
    .filter((o) => o.outcome === "undecided" || o.outcome === "stillWaiting")
    .reduce((sum, o) => sum + o.count, 0);
}

/**
 * Ticks for the days axis: round steps (30, 60, 90, 120, 180, 240, 360 …
 * days), at most six ticks, so the axis never ends on an odd day such as
 * 647; the line still runs to the run's last day.
 */
export function dayTicks(maxDay: number): number[] {
  const steps = [10, 30, 60, 90, 120, 180, 240, 360, 720];
  const step = steps.find((s) => Math.floor(maxDay / s) <= 5) ?? Math.ceil(maxDay / 5 / 360) * 360;
  const ticks: number[] = [];
  for (let day = 0; day <= maxDay; day += step) ticks.push(day);
  return ticks;
}

/**
 * Ticks for a share axis: 0, then round steps (1, 2, 5, 10, 20 or 25 points)
 * up to the first one at or above the largest value, at most six ticks.
 */
export function shareTicks(max: number): number[] {
  const steps = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25];
  const top = Math.min(1, Math.max(0, max));
  const step = steps.find((s) => Math.ceil(top / s - 1e-9) <= 5) ?? 0.25;
  const count = Math.max(1, Math.ceil(top / step - 1e-9));
  return Array.from({ length: count + 1 }, (_, k) => Math.round(k * step * 100) / 100);
}
