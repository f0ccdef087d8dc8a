import { STAGE_LABELS } from "@/lib/labels";
import type { Stage } from "@/machines/vocabulary";
import { dateLabel, simDate } from "@/lib/runs/calendar";
import { decisionWaits, type RunHistory } from "@/lib/runs/history/history";
import { describeWait, kaplanMeier } from "@/lib/sim/survival";

export type StagePoint = { day: number; date: string } & Record<Stage | "decided", number>;

export type ConsoleCharts = {
  /** cases in each stage (and decided) over simulated time, at most MAX_POINTS points */
  series: StagePoint[];
  stageLabels: Record<Stage | "decided", string>;
  /** decided cases by how long they waited, in WAIT_BIN-day bins */
  waits: { bin: string; cases: number }[];
  /** the median wait with cases still waiting counted ("61 days", "more than 240 days"), or null before any case moved */
  medianWait: string | null;
  stillWaiting: number;
};

const MAX_POINTS = 120;
export const WAIT_BIN = 30;

/** The console's charts, from the run's history (see lib/runs/history/history.ts). */
export function consoleCharts(history: RunHistory, startDate: string): ConsoleCharts {
  const step = Math.max(1, Math.ceil(history.series.length / MAX_POINTS));
  const picked = history.series.filter((_, k) => k % step === 0 || k === history.series.length - 1);
  const series = picked.map((d) => ({
    day: d.day,
    date: dateLabel(simDate(startDate, Math.floor(d.day))),
    ...d.stages,
    decided: d.decided,
  }));
  const { decided: waits, waiting } = decisionWaits(history.events, history.series.at(-1)?.day ?? 0);
  const bins: number[] = [];
  for (const w of waits) {
    const k = Math.floor(w / WAIT_BIN);
    while (bins.length <= k) bins.push(0);
    bins[k]!++;
  }
  const survival = kaplanMeier(Float64Array.from(waits), Float64Array.from(waiting));
  return {
    series,
    stageLabels: { ...STAGE_LABELS, decided: "Decided" },
    waits: bins.map((cases, k) => ({ bin: `${k * WAIT_BIN}–${(k + 1) * WAIT_BIN} d`, cases })),
    medianWait: survival.decided + survival.waiting > 0 ? describeWait(survival) : null,
    stillWaiting: waiting.length,
  };
}
