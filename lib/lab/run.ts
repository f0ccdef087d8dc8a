import { OUTCOME_LABELS } from "@/lib/labels";
import { dateLabel, simDate } from "@/lib/runs/clock";
import { keyFigures, type KeyFigures } from "@/lib/runs/debrief/debrief";
import { World } from "@/lib/sim/engine";
import type { Waits } from "@/lib/sim/survival";
import { OUTCOMES, STAGES, type Outcome, type Stage } from "@/machines/vocabulary";
import { configToQuery, labScenario, type LabConfig } from "./config";

export type LabPoint = { day: number; date: string; waiting: number; decided: number } & Record<Stage, number>;

export type LabResult = {
  query: string;
  scenarioTitle: string;
  cases: number;
  horizonDays: number;
  figures: KeyFigures;
  /** days from the commission knowing of a case to its decision, cases still waiting counted as waiting (lib/sim/survival.ts) */
  waits: Waits;
  /** from the start of the review, every case counted (lists and letters not yet come count as waiting) */
  waitsFromStart: Waits;
  outcomes: { outcome: Outcome; label: string; count: number }[];
  /** at most about MAX_POINTS points over the scenario's span */
  series: LabPoint[];
};

const MAX_POINTS = 100;

/**
 * Runs a lab configuration to the scenario's horizon, sampling
 * where the cases wait at most about MAX_POINTS times and reporting progress
 * (0 … 1) as it goes. Pure and deterministic: the same configuration gives
 * the same result, in a Web Worker or in a test.
 */
export function runLab(config: LabConfig, onProgress: (done: number) => void = () => {}): LabResult {
  const scenario = labScenario(config);
  const world = new World(scenario, config.seed);
  const step = Math.max(1, Math.ceil(scenario.horizonDays / MAX_POINTS));
  const series: LabPoint[] = [];
  for (let day = 0; ; day = Math.min(scenario.horizonDays, day + step)) {
    world.advanceTo(day);
    const { stages, decided } = world.tally();
    series.push({
      day,
      date: dateLabel(simDate(scenario.startDate, day)),
      ...stages,
      waiting: STAGES.reduce((sum, s) => sum + stages[s], 0),
      decided,
    });
    onProgress(day / scenario.horizonDays);
    if (day >= scenario.horizonDays) break;
  }
  const result = world.result(config.seed);
  return {
    query: configToQuery(config),
    scenarioTitle: scenario.title,
    cases: result.cases,
    horizonDays: scenario.horizonDays,
    figures: keyFigures(result),
    waits: result.daysToDecision,
    waitsFromStart: result.daysFromStart,
    outcomes: OUTCOMES.filter((o) => o !== "pending").map((o) => ({
      outcome: o,
      label: OUTCOME_LABELS[o],
      count: result.outcomes[o],
    })),
    series,
  };
}
