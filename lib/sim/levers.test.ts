/**
 * The "what if" levers answer as the sources do, on every scenario: the
 * debrief's own WHAT_IFS (one place for what each lever changes) plus a
 * larger caseload, each run beside the unchanged scenario over three seeds.
 * Runs are paired (same seeds, same per-case random streams), so a
 * difference is the lever's, not chance's; the slack allows the few cases
 * whose timing shifts when shared desks and clerks are busier or freer.
 */
import { describe, expect, test } from "vitest";
import { WHAT_IFS, type WhatIfId } from "@/lib/runs/debrief/debrief";
import { runScenario, type RunResult } from "./engine";
import { commissionDecisions, releasedCases } from "./metrics";
import type { Scenario } from "./scenario-schema";
import { SCENARIOS } from "./scenarios";
import { deepMerge } from "./scenarios/define";
import { waitAtLeast } from "./survival";

const SEEDS = [11, 12, 13];

/** The national queue at 1 in 40 (staff scaled alike), so every scenario runs in a test. */
function testSized(s: Scenario): Scenario {
  if (s.caseload.cases <= 20_000) return s;
  const f = 12_000 / s.caseload.cases;
  return deepMerge(s, {
    caseload: { cases: 12_000 },
    desks: { procurators: Math.max(1, Math.round(s.desks.procurators * f)) },
    institutions: { fileClerks: Math.max(1, Math.round(s.institutions.fileClerks * f)) },
  });
}

const mean = (runs: RunResult[], f: (r: RunResult) => number) => runs.reduce((a, r) => a + f(r), 0) / runs.length;
const runs = (s: Scenario) => SEEDS.map((seed) => runScenario(s, seed));
const lever = (id: WhatIfId) => WHAT_IFS.find((w) => w.id === id)!.patch;

describe.each(SCENARIOS.map((s) => [s.id, testSized(s)] as const))("%s", (_id, scenario) => {
  const base = runs(scenario);
  const slack = Math.max(2, scenario.caseload.cases * 0.01);

  test("more staff never decides fewer cases, and clearly more where staff was the bottleneck", () => {
    const more = runs(lever("twiceTheStaff")(scenario));
    const decided = mean(more, commissionDecisions);
    const before = mean(base, commissionDecisions);
    expect(decided).toBeGreaterThanOrEqual(before - slack);
    const busiest = mean(base, (r) => Math.max(r.capacity.clerkUse, r.capacity.deskUse));
    if (busiest >= 0.85 && before < 0.9 * scenario.caseload.cases) expect(decided).toBeGreaterThanOrEqual(1.2 * before);
  });

  test("lists on time never lower the share decided or the cases released", () => {
    const onTime = runs(lever("listsOnTime")(scenario));
    expect(mean(onTime, (r) => (r.cases - r.outcomes.pending) / r.cases)).toBeGreaterThanOrEqual(
      mean(base, (r) => (r.cases - r.outcomes.pending) / r.cases) - slack / scenario.caseload.cases,
    );
    expect(mean(onTime, releasedCases)).toBeGreaterThanOrEqual(mean(base, releasedCases) - slack);
    // Counted from the start of the review, every case waits less; counted from when the commission
    // knew of a case, the wait may grow (more cases known sooner queue for the same staff).
    const fromStart = (r: RunResult) => waitAtLeast(r.daysFromStart) ?? 0;
    expect(mean(onTime, fromStart)).toBeLessThanOrEqual(mean(base, fromStart) + 2);
  });

  test("less pressure never lowers rehabilitations", () => {
    const calmer = runs(lever("noPressure")(scenario));
    const rehab = (r: RunResult) => r.decisions.fullRehabilitation.cases;
    expect(mean(calmer, rehab)).toBeGreaterThanOrEqual(mean(base, rehab) - slack);
  });

  test("every spravka issued leaves none withheld", () => {
    for (const r of runs(lever("spravkiIssued")(scenario))) expect(r.spravka.withheld).toBe(0);
  });

  test("a larger caseload never shortens the wait for a decision", () => {
    const bigger = runs(deepMerge(scenario, { caseload: { cases: Math.round(scenario.caseload.cases * 1.5) } }));
    const wait = (r: RunResult) => waitAtLeast(r.daysToDecision) ?? 0;
    expect(mean(bigger, wait)).toBeGreaterThanOrEqual(mean(base, wait) - 2);
    const fromStart = (r: RunResult) => waitAtLeast(r.daysFromStart) ?? 0;
    expect(mean(bigger, fromStart)).toBeGreaterThanOrEqual(mean(base, fromStart) - 2);
  });
});

test("staff was the bottleneck in Tomsk: twice the staff decides clearly more there", () => {
  const tomsk = SCENARIOS.find((s) => s.id === "tomsk-1955")!;
  const base = runs(tomsk);
  expect(mean(base, (r) => Math.max(r.capacity.clerkUse, r.capacity.deskUse))).toBeGreaterThanOrEqual(0.85);
  expect(mean(runs(lever("twiceTheStaff")(tomsk)), commissionDecisions)).toBeGreaterThanOrEqual(
    1.2 * mean(base, commissionDecisions),
  );
});
