import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  checkpointDays,
  decidedBy,
  decidedOnlyMedian,
  decidedTotal,
  describeTimeToDecision,
  shareDecidedBy,
  timeToDecision,
  timeToDecisionAtLeast,
  type DecisionCurve,
} from "./waits";

const HORIZON = 60;

/** A run: decisions on each day, and some cases never decided. */
const curves = fc
  .record({
    decidedOnDay: fc.array(fc.nat({ max: 20 }), { minLength: HORIZON + 1, maxLength: HORIZON + 1 }),
    undecided: fc.nat({ max: 400 }),
  })
  .map(({ decidedOnDay, undecided }): DecisionCurve => ({
    cases: decidedOnDay.reduce((a, b) => a + b, 0) + undecided,
    horizonDays: HORIZON,
    decidedOnDay,
  }));

/** The textbook median of the decided cases' days: the middle one (the lower of the two for an even count). */
function plainMedian(curve: DecisionCurve): number | null {
  const days = curve.decidedOnDay.flatMap((n, day) => Array.from({ length: n }, () => day));
  return days.length === 0 ? null : days[Math.ceil(days.length / 2) - 1]!;
}

describe("waits for a decision, counting the cases still undecided", () => {
  test("counting the undecided never makes the time to decision shorter than the median over decided cases", () => {
    fc.assert(
      fc.property(curves, (curve) => {
        const decidedOnly = decidedOnlyMedian(curve);
        fc.pre(decidedOnly !== null);
        expect(timeToDecisionAtLeast(timeToDecision(curve))!).toBeGreaterThanOrEqual(decidedOnly!);
      }),
    );
  });

  test("with nobody undecided, the time to decision is the plain median of the decision days", () => {
    fc.assert(
      fc.property(curves, (curve) => {
        const all = { ...curve, cases: decidedTotal(curve) };
        fc.pre(all.cases > 0);
        expect(timeToDecision(all)).toEqual({ reached: true, days: plainMedian(all) });
        expect(decidedOnlyMedian(all)).toBe(plainMedian(all));
      }),
    );
  });

  test("the median over decided cases is the plain median of their days, however many are undecided", () => {
    fc.assert(
      fc.property(curves, (curve) => {
        expect(decidedOnlyMedian(curve)).toBe(plainMedian(curve));
      }),
    );
  });

  test("a run that has decided at least as many by every day never reaches half decided later", () => {
    fc.assert(
      fc.property(
        curves,
        fc.array(fc.nat({ max: 5 }), { minLength: HORIZON + 1, maxLength: HORIZON + 1 }),
        (curve, extra) => {
          // The same cases, some of the undecided now decided (or some decided earlier): ahead on every day.
          let moved = 0;
          const decidedOnDay = curve.decidedOnDay.map((n, day) => {
            const more = Math.min(extra[day]!, curve.cases - decidedTotal(curve) - moved);
            moved += more;
            return n + more;
          });
          const faster: DecisionCurve = { ...curve, decidedOnDay };
          for (let day = 0; day <= HORIZON; day++)
            expect(decidedBy(faster, day)).toBeGreaterThanOrEqual(decidedBy(curve, day));
          const before = timeToDecisionAtLeast(timeToDecision(curve));
          const after = timeToDecisionAtLeast(timeToDecision(faster));
          if (before !== null) expect(after!).toBeLessThanOrEqual(before);
          expect(timeToDecisionAtLeast(timeToDecision(faster, 0.9))!).toBeLessThanOrEqual(
            timeToDecisionAtLeast(timeToDecision(curve, 0.9))!,
          );
        },
      ),
    );
  });

  test("deciding more of the long-waiting cases can raise the decided-only median while the time to decision falls", () => {
    // 10 cases; 4 decided early (day 10), 6 still waiting at day 60.
    const few: DecisionCurve = { cases: 10, horizonDays: HORIZON, decidedOnDay: dayCounts({ 10: 4 }) };
    // The same 4 early decisions, and 4 more of the waiting decided late (day 50): every case waits no longer.
    const more: DecisionCurve = { cases: 10, horizonDays: HORIZON, decidedOnDay: dayCounts({ 10: 4, 50: 4 }) };
    expect(decidedOnlyMedian(few)).toBe(10);
    expect(decidedOnlyMedian(more)).toBe(10);
    const evenMore: DecisionCurve = { cases: 10, horizonDays: HORIZON, decidedOnDay: dayCounts({ 10: 4, 50: 6 }) };
    expect(decidedOnlyMedian(evenMore)).toBe(50);
    expect(timeToDecision(few)).toEqual({ reached: false, moreThan: HORIZON });
    expect(timeToDecision(evenMore)).toEqual({ reached: true, days: 50 });
    expect(describeTimeToDecision(timeToDecision(few))).toBe("more than 60 days (not reached in the run)");
  });

  test("the share decided by a day counts every case, decided or not; a run with no cases has no time", () => {
    const curve: DecisionCurve = { cases: 8, horizonDays: HORIZON, decidedOnDay: dayCounts({ 3: 2, 20: 2 }) };
    expect(shareDecidedBy(curve, 2)).toBe(0);
    expect(shareDecidedBy(curve, 3)).toBe(0.25);
    expect(shareDecidedBy(curve, 500)).toBe(0.5);
    expect(timeToDecision({ cases: 0, horizonDays: 5, decidedOnDay: [0, 0, 0, 0, 0, 0] })).toBeNull();
  });

  test("the tables read every run at the same days, and at each run's own horizon", () => {
    expect(checkpointDays([240, 647], 120)).toEqual([0, 120, 240, 360, 480, 600, 647]);
  });
});

function dayCounts(counts: Record<number, number>): number[] {
  return Array.from({ length: HORIZON + 1 }, (_, day) => counts[day] ?? 0);
}
