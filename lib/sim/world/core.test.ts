import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { CaseStepper } from "@/lib/sim/case-stepper";
import { sampleDays, type Distribution } from "@/lib/sim/distributions";
import { rngFromState } from "@/lib/sim/rng";
import { findScenario } from "@/lib/sim/scenarios";
import { CASE_FIELDS, DRAWS, WorldCore } from "./core";

const days = fc.double({ min: 0, max: 2000, noNaN: true });
const distribution: fc.Arbitrary<Distribution> = fc.oneof(
  days.map((d) => ({ kind: "fixed" as const, days: d })),
  fc.tuple(days, days).map(([a, b]) => ({ kind: "uniform" as const, min: Math.min(a, b), max: Math.max(a, b) })),
  fc
    .tuple(fc.double({ min: 0.01, max: 500, noNaN: true }), fc.double({ min: 1, max: 20, noNaN: true }))
    .map(([median, spread]) => ({ kind: "lognormal" as const, median, p90: median * spread })),
);

describe("WorldCore.sample", () => {
  // The engine draws its cases' samples by hand rather than through an Rng (see daysFromDraws); this
  // holds it to sampleDays on the case's own stream, draw for draw, so runs stay what they were.
  test("a case's sample is sampleDays on that case's stream, and moves the stream as far", () => {
    const rostov = findScenario("rostov-1954")!;
    const core = new WorldCore({ ...rostov, caseload: { ...rostov.caseload, cases: 50 } }, 11, new CaseStepper());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: core.n - 1 }), distribution, (i, d) => {
        const counter = core.cases[CASE_FIELDS * i + DRAWS]!;
        const stream = rngFromState({ seed: core.seed, stream: core.streams[i]!, counter });
        const expected = sampleDays(stream, d);
        expect(core.sample(i, d)).toBe(expected);
        expect(core.cases[CASE_FIELDS * i + DRAWS]).toBe(stream.state.counter);
      }),
      { numRuns: 500 },
    );
  });
});
