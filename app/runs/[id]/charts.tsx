"use client";

import { lazy } from "react";
import { WhenVisible } from "@/app/_components/when-visible";
import type { ConsoleCharts } from "@/lib/runs/console/console-charts";
import type { PipelineView } from "@/lib/runs/console/pipeline";
import { KEYS, STAGE_NAMES, type StagesRow } from "./stages";

// recharts is large: its code loads when a chart comes into view, not with the console.
const drawings = () => import("./charts-drawn");
const StackedStagesDrawing = lazy(() => drawings().then((m) => ({ default: m.StackedStagesDrawing })));
const WaitsDrawing = lazy(() => drawings().then((m) => ({ default: m.WaitsDrawing })));
const OutcomesDrawing = lazy(() => drawings().then((m) => ({ default: m.OutcomesDrawing })));

/** Cases in each stage, stacked, over simulated time; `marker` draws a line at one date (the replay's day). */
export function StackedStages({ data, marker }: { data: StagesRow[]; marker?: string }) {
  return (
    <WhenVisible className="h-72 w-full">
      <StackedStagesDrawing data={data} marker={marker} />
    </WhenVisible>
  );
}

/** Cases by stage over simulated time (stacked), the decided cases' waits, and the outcomes so far (recharts). */
export function ConsoleChartsView({ charts, pipeline }: { charts: ConsoleCharts; pipeline: PipelineView }) {
  const last = charts.series.at(-1);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="space-y-2 lg:col-span-2">
        <figcaption className="font-semibold">Cases by stage over simulated time</figcaption>
        <StackedStages data={charts.series} />
        {last ? (
          <p className="text-sm text-muted">
            On {last.date}:{" "}
            {KEYS.map((k) => `${STAGE_NAMES[k].toLowerCase()} ${last[k].toLocaleString("en")}`).join(", ")}.
          </p>
        ) : null}
      </figure>
      <figure className="space-y-2">
        <figcaption className="font-semibold">How long decided cases waited</figcaption>
        <WhenVisible className="h-64 w-full">
          <WaitsDrawing waits={charts.waits} />
        </WhenVisible>
        <p className="text-sm text-muted">
          {charts.medianWait === null
            ? "No case has moved yet."
            : `From the first letter or list to the decision: half the cases were decided within ${charts.medianWait} (the ${charts.stillWaiting.toLocaleString("en")} still waiting count as waiting).`}
        </p>
      </figure>
      <figure className="space-y-2">
        <figcaption className="font-semibold">Outcomes so far</figcaption>
        <WhenVisible className="h-64 w-full">
          <OutcomesDrawing outcomes={pipeline.outcomes} />
        </WhenVisible>
        <p className="text-sm text-muted">
          {pipeline.outcomes
            .filter((o) => o.count > 0)
            .map((o) => `${o.label}: ${o.count}`)
            .join(" · ") || "No outcomes yet."}
        </p>
      </figure>
    </div>
  );
}
