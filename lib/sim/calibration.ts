/**
 * Every figure the sources give, beside the model's: the scenario's
 * `compare` entries run over several seeds. `npm run calibrate` prints it
 * (and writes the README's table); lib/sim/engine.test.ts checks it.
 *
 * A figure is "fitted" when the scenario's weights were set to match it and
 * "held out" when nothing was tuned to it: only held-out figures test the
 * model; fitted ones show the tuning worked. ADR 0022 says which is which.
 */
import { runScenario } from "./engine";
import { metric } from "./metrics";
import type { Scenario } from "./scenario-schema";
import { SCENARIOS } from "./scenarios";
import { amnestyMetric, runAmnesty } from "./amnesty/engine";
import type { AmnestyScenario } from "./amnesty/scenario";
import { AMNESTY_SCENARIOS } from "./amnesty/scenarios";

export type CalibrationRow = {
  scenario: string;
  /** a case-review read-out (lib/sim/metrics.ts) or a 1945 amnesty one (lib/sim/amnesty/engine.ts) */
  metric: string;
  label: string;
  source: string;
  historical: number;
  tolerance: number;
  bound: "atLeast" | "atMost" | null;
  simulated: { mean: number; sd: number };
  within: boolean;
  fitted: boolean;
  why: string | null;
};

/** Whether a simulated mean meets a compare entry (two-sided, or one-sided with a bound). */
export function withinTolerance(
  mean: number,
  c: { value: number; tolerance: number; bound?: "atLeast" | "atMost" | undefined },
): boolean {
  if (c.bound === "atLeast") return mean >= c.value - c.tolerance;
  if (c.bound === "atMost") return mean <= c.value + c.tolerance;
  return Math.abs(mean - c.value) <= c.tolerance;
}

/**
 * One row per compare entry of the given scenarios, each over `seeds`: the
 * 1954–55 ones, then the 1945 amnesty ones (nationally and as a sampled camp).
 */
export function calibrate(
  seeds: readonly number[],
  scenarios: readonly Scenario[] = SCENARIOS,
  amnestyScenarios: readonly AmnestyScenario[] = AMNESTY_SCENARIOS,
): CalibrationRow[] {
  const rows: CalibrationRow[] = [];
  for (const scenario of scenarios) {
    const runsFor = seedRunsBySize(seeds, (seed, cases) =>
      runScenario(
        cases === scenario.caseload.cases ? scenario : { ...scenario, caseload: { ...scenario.caseload, cases } },
        seed,
      ),
    );
    for (const c of scenario.compare) {
      const values = runsFor(c.cases ?? scenario.caseload.cases).map((r) => metric(r, c.metric));
      rows.push(rowOf(scenario.id, c, values));
    }
  }
  for (const scenario of amnestyScenarios) rows.push(...calibrateAmnesty(seeds, scenario));
  return rows;
}

/** The rows of one 1945 amnesty scenario; runs at each population a figure asks for are shared. */
export function calibrateAmnesty(seeds: readonly number[], scenario: AmnestyScenario): CalibrationRow[] {
  const runsFor = seedRunsBySize(seeds, (seed, cases) => runAmnesty(scenario, seed, { cases }));
  return scenario.compare.map((c) => {
    const values = runsFor(c.cases ?? scenario.population.held).map((r) => amnestyMetric(r, c.metric, c.onDay));
    return rowOf(scenario.id, c, values);
  });
}

/** A scenario's runs over every seed at a given size, each size run once however many figures ask for it. */
function seedRunsBySize<R>(seeds: readonly number[], run: (seed: number, cases: number) => R): (cases: number) => R[] {
  const bySize = new Map<number, R[]>();
  return (cases) => {
    let runs = bySize.get(cases);
    if (!runs) {
      runs = seeds.map((seed) => run(seed, cases));
      bySize.set(cases, runs);
    }
    return runs;
  };
}

/** A compare entry of either kind of scenario beside the values the runs gave for it. */
function rowOf(
  scenario: string,
  c: {
    metric: string;
    label: string;
    source: string;
    value: number;
    tolerance: number;
    bound?: "atLeast" | "atMost" | undefined;
    fitted: boolean;
    why?: string | undefined;
  },
  values: readonly number[],
): CalibrationRow {
  const { mean, sd } = meanAndSd(values);
  return {
    scenario,
    metric: c.metric,
    label: c.label,
    source: c.source,
    historical: c.value,
    tolerance: c.tolerance,
    bound: c.bound ?? null,
    simulated: { mean, sd },
    within: withinTolerance(mean, c),
    fitted: c.fitted,
    why: c.why ?? null,
  };
}

function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1));
  return { mean, sd };
}

const fmt = (x: number) =>
  !Number.isFinite(x) ? "—" : Number.isInteger(x) ? String(x) : Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(3);

/** The rows as the README's Markdown table. */
export function calibrationTable(rows: readonly CalibrationRow[], seedCount: number): string {
  const target = (r: CalibrationRow) =>
    r.bound === "atLeast"
      ? `≥ ${fmt(r.historical - r.tolerance)}`
      : r.bound === "atMost"
        ? `≤ ${fmt(r.historical + r.tolerance)}`
        : `${fmt(r.historical)} ± ${fmt(r.tolerance)}`;
  const lines = [
    `| scenario | historical figure | target | simulated mean ± sd (${seedCount} seeds) | within | fitted or held out |`,
    "|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.label} [${r.source}] | ${target(r)} | ${fmt(r.simulated.mean)} ± ${fmt(r.simulated.sd)} | ${r.within ? "yes" : "NO"} | ${r.fitted ? "fitted" : "held out"} |`,
    ),
  ];
  const within = rows.filter((r) => r.within).length;
  const heldOut = rows.filter((r) => !r.fitted);
  lines.push(
    "",
    `${within} of ${rows.length} figures within tolerance (${Math.round((100 * within) / rows.length)}%); ` +
      `held out: ${heldOut.filter((r) => r.within).length} of ${heldOut.length}.`,
  );
  return lines.join("\n");
}
