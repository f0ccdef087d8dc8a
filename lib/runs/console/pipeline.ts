import { OUTCOME_LABELS, STAGE_LABELS } from "@/lib/labels";
import type { World } from "@/lib/sim/engine";
import type { DayFigures } from "@/lib/runs/history/history";
import { OUTCOMES, STAGES, type Outcome, type Stage } from "@/machines/vocabulary";

/** One stage of the pipeline map: how many cases wait there now and for how long (simulated days). */
export type StageFigures = {
  stage: Stage;
  label: string;
  count: number;
  meanWait: number | null;
  p90Wait: number | null;
  /** 0 … 1: this stage's queue against the longest one (the map's heat colour) */
  heat: number;
};

export type PipelineView = {
  day: number;
  /** whether waits are known (live); a replayed day has counts only */
  waits: boolean;
  stages: StageFigures[];
  /** the stage with the longest queue now, if any case waits */
  worst: Stage | null;
  unpursued: number;
  decided: number;
  /** side branches the sources describe: still in exile, freed with passport "minuses", sent to the Serbsky Institute */
  branches: { exile: number; passportMinus: number; psychiatric: number } | null;
  outcomes: { outcome: Outcome; label: string; count: number }[];
  total: number;
};

/** Mean and 90th percentile (nearest rank) of waits, or nulls for none. */
export function waitStats(waits: readonly number[]): { mean: number | null; p90: number | null } {
  if (waits.length === 0) return { mean: null, p90: null };
  const sorted = [...waits].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const p90 = sorted[Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)]!;
  return { mean, p90 };
}

/** Stage figures from counts alone (a replayed day keeps no waits): heat and the bottleneck from the longest queue. */
function stageFigures(counts: Record<Stage, number>, waits?: Record<Stage, number[]>) {
  const longest = Math.max(0, ...STAGES.map((s) => counts[s]));
  const stages = STAGES.map((stage) => {
    const { mean, p90 } = waitStats(waits?.[stage] ?? []);
    return {
      stage,
      label: STAGE_LABELS[stage],
      count: counts[stage],
      meanWait: mean,
      p90Wait: p90,
      heat: longest === 0 ? 0 : counts[stage] / longest,
    };
  });
  return { stages, worst: longest === 0 ? null : stages.find((s) => s.count === longest)!.stage };
}

/** A day of a run's replay as the map shows it (counts only: the replay keeps no waits or branches). */
export function pipelineOfDay(day: DayFigures, total: number): PipelineView {
  return {
    day: day.day,
    waits: false,
    ...stageFigures(day.stages),
    unpursued: day.unpursued,
    decided: day.decided,
    branches: null,
    outcomes: OUTCOMES.filter((o) => o !== "pending").map((o) => ({
      outcome: o,
      label: OUTCOME_LABELS[o],
      count: day.outcomes[o],
    })),
    total,
  };
}

/** Where the run's cases are now, stage by stage, for the console's map and its table. */
export function pipelineView(world: World): PipelineView {
  const waits = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<Stage, number[]>;
  const outcomeCount = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const branches = { exile: 0, passportMinus: 0, psychiatric: 0 };
  for (let i = 0; i < world.caseCount; i++) {
    const { stage, sinceDay } = world.caseStage(i);
    if (stage && sinceDay !== null) waits[stage].push(world.now - sinceDay);
    const { outcome } = world.caseState(i);
    outcomeCount[outcome]++;
    const facts = world.caseFacts(i);
    if (facts.custody === "exile") branches.exile++;
    if (facts.custody === "released" && facts.passportMinus) branches.passportMinus++;
    if (outcome === "psychiatric") branches.psychiatric++;
  }
  const { stages: counts, unpursued, decided } = world.tally();
  return {
    day: world.now,
    waits: true,
    ...stageFigures(counts, waits),
    unpursued,
    decided,
    branches,
    outcomes: OUTCOMES.filter((o) => o !== "pending").map((o) => ({
      outcome: o,
      label: OUTCOME_LABELS[o],
      count: outcomeCount[o],
    })),
    total: world.caseCount,
  };
}
