"use client";

// The console's charts as recharts draws them; loaded only when a chart comes into view (charts.tsx).
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
import { COLOURS, KEYS, STAGE_NAMES, type StagesRow } from "./stages";

export function StackedStagesDrawing({ data, marker }: { data: StagesRow[]; marker?: string | undefined }) {
  return (
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
  );
}

export function WaitsDrawing({ waits }: { waits: ConsoleCharts["waits"] }) {
  return (
    <ResponsiveContainer>
      <BarChart data={waits} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d4d7dc" />
        <XAxis dataKey="bin" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar dataKey="cases" name="Cases" fill="#1f4e79" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function OutcomesDrawing({ outcomes }: { outcomes: PipelineView["outcomes"] }) {
  return (
    <ResponsiveContainer>
      <BarChart data={outcomes} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d4d7dc" />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar dataKey="count" name="Cases" fill="#9b1c1c" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
