"use client";

import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ConsoleCharts } from "@/lib/runs/console/console-charts";
import type { PipelineView } from "@/lib/runs/console/pipeline";

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
type StageKey = (typeof KEYS)[number];

const STAGE_NAMES: Record<StageKey, string> = {
  complaint: "Complaint",
  lists: "Waiting for the camp's list",
  commission: "At the commission",
  court: "Before the court",
  spravka: "Waiting for the spravka",
  decided: "Decided",
};

/** Cases in each stage, stacked, over simulated time; `marker` draws a line at one date (the replay's day). */
export function StackedStages({
  data,
  marker,
}: {
  data: ({ date: string } & Record<StageKey, number>)[];
  marker?: string;
}) {
  return (
    <div className="h-72 w-full">
      <ResponsiveContainer>
        <AreaChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
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
              name={STAGE_NAMES[k]}
              stackId="cases"
              stroke={COLOURS[k]}
              fill={COLOURS[k]}
              fillOpacity={0.55}
              isAnimationActive={false}
            />
          ))}
          {marker ? <ReferenceLine x={marker} stroke="#1b1f24" strokeWidth={2} /> : null}
        </AreaChart>
      </ResponsiveContainer>
    </div>
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
            ? "No case has moved yet."
            : `From the first letter or list to the decision: half the cases were decided within ${charts.medianWait} (the ${charts.stillWaiting.toLocaleString("en")} still waiting count as waiting).`}
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
