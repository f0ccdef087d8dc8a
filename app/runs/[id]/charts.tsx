"use client";

import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ConsoleCharts } from "@/lib/runs/console-charts";
import type { PipelineView } from "@/lib/runs/pipeline";

/** Stage colours: distinguishable for common colour-blindness, dark enough against white. */
const COLOURS = {
  complaint: "#1f4e79",
  lists: "#b45309",
  commission: "#9b1c1c",
  court: "#6d28d9",
  spravka: "#0f766e",
  decided: "#6b7280",
} as const;

const KEYS = ["complaint", "lists", "commission", "court", "spravka", "decided"] as const;

/** Cases by stage over simulated time (stacked), the decided cases' waits, and the outcomes so far (recharts). */
export function ConsoleChartsView({ charts, pipeline }: { charts: ConsoleCharts; pipeline: PipelineView }) {
  const last = charts.series.at(-1);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="space-y-2 lg:col-span-2">
        <figcaption className="font-semibold">Cases by stage over simulated time</figcaption>
        <div className="h-72 w-full">
          <ResponsiveContainer>
            <AreaChart data={charts.series} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d4d7dc" />
              <XAxis dataKey="date" minTickGap={40} tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Legend />
              {KEYS.map((k) => (
                <Area
                  key={k}
                  type="stepAfter"
                  dataKey={k}
                  name={charts.stageLabels[k]}
                  stackId="cases"
                  stroke={COLOURS[k]}
                  fill={COLOURS[k]}
                  fillOpacity={0.55}
                  isAnimationActive={false}
                />
              ))}
            </AreaChart>
          </ResponsiveContainer>
        </div>
        {last ? (
          <p className="text-sm text-muted">
            On {last.date}:{" "}
            {KEYS.map((k) => `${charts.stageLabels[k].toLowerCase()} ${last[k].toLocaleString("en")}`).join(", ")}.
          </p>
        ) : null}
      </figure>
      <figure className="space-y-2">
        <figcaption className="font-semibold">How long decided cases waited</figcaption>
        <div className="h-64 w-full">
          <ResponsiveContainer>
            <BarChart data={charts.waits} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d4d7dc" />
              <XAxis dataKey="bin" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Bar dataKey="cases" name="Cases" fill="#1f4e79" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <p className="text-sm text-muted">
          {charts.medianWait === null
            ? "No case has been decided yet."
            : `From the first letter or list to the decision: median ${Math.round(charts.medianWait)} simulated days.`}
        </p>
      </figure>
      <figure className="space-y-2">
        <figcaption className="font-semibold">Outcomes so far</figcaption>
        <div className="h-64 w-full">
          <ResponsiveContainer>
            <BarChart data={pipeline.outcomes} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d4d7dc" />
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
              <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Bar dataKey="count" name="Cases" fill="#9b1c1c" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
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
