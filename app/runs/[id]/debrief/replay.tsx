"use client";

import { useState } from "react";
import type { DayFigures } from "@/lib/runs/history/history";
import { pipelineOfDay } from "@/lib/runs/console/pipeline";
import { StackedStages } from "../charts";
import { PipelineMap } from "../pipeline-map";
import { PipelineTable } from "../pipeline-table";

/**
 * Scrub the run's timeline: a slider over its simulated days; the map, its
 * table and the chart's marker follow. The print version shows the last day.
 */
export function Replay({ series, dates, total }: { series: DayFigures[]; dates: string[]; total: number }) {
  const [k, setK] = useState(series.length - 1);
  const day = series[k]!;
  const data = series.map((d, i) => ({ date: dates[i]!, ...d.stages, decided: d.decided }));
  return (
    <div className="space-y-4">
      <div className="print:hidden">
        <label htmlFor="replay-day" className="field-label">
          Day of the run: <span className="font-typewriter">{dates[k]}</span>
        </label>
        <input
          id="replay-day"
          type="range"
          min={0}
          max={series.length - 1}
          step={1}
          value={k}
          onChange={(e) => setK(Number(e.target.value))}
          aria-valuetext={dates[k]}
          className="w-full accent-accent"
        />
      </div>
      <PipelineMap pipeline={pipelineOfDay(day, total)} />
      <PipelineTable pipeline={pipelineOfDay(day, total)} />
      <figure className="space-y-2">
        <figcaption className="font-semibold">Cases by stage over simulated time (the line marks the day)</figcaption>
        <StackedStages data={data} marker={dates[k]} />
      </figure>
    </div>
  );
}
