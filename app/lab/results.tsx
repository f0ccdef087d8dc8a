"use client";

import { useState, type ReactNode } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { KeyFiguresTable } from "@/app/_components/key-figures-table";
import type { LabResult } from "@/lib/lab/run";
import { compactNumber, countWithShare, formatShare } from "@/lib/lab/shares";
import {
  dayTicks,
  decidedRows,
  decidedSeries,
  outcomeRows,
  releasedRows,
  shareTicks,
  stillWaitingAtEnd,
  type DayRow,
} from "@/lib/lab/tables";
import { decidedOnlyMedian, decidedTotal, timeToDecision } from "@/lib/lab/waits";
import { describeWait } from "@/lib/sim/survival";

/** A finished run as the page keeps it: its number, its label, and how long it took. */
export type Done = LabResult & { n: number; label: string; ms: number };

const RUN_COLOURS = ["#1f4e79", "#9b1c1c", "#0f766e", "#b45309"];
// Every chart text, bar labels included, at 12 px at least: smaller is hard to read on a phone.
export const CHART_FONT_PX = 12;
const AXIS_TICK = { fontSize: CHART_FONT_PX };
// Room on the left for "100%" and "468k", and below for the day numbers and the axis title.
const MARGIN = { top: 8, right: 16, bottom: 8, left: 4 };
/**
 * How the outcome bars start: always shares of each run's own cases, the
 * one measure that compares a province with the country. Never by the
 * screen's size or the runs on it, so the same runs look the same on a
 * phone and a laptop.
 */
export const OUTCOME_MODE_DEFAULT = "share" as const;
// The charts' accessible description: where a screen reader finds the numbers.
const TABLE_BELOW = "The same figures are in the table under the chart (Show as a table).";
const percentTick = (v: number) => `${Math.round(v * 100)}%`;

/** The days axis, titled, with round ticks (lib/lab/tables dayTicks) few enough to stay apart on a phone. */
function DaysAxis({ maxDay }: { maxDay: number }) {
  return (
    <XAxis
      dataKey="day"
      type="number"
      domain={[0, maxDay]}
      ticks={dayTicks(maxDay)}
      allowDecimals={false}
      interval="preserveStart"
      tick={AXIS_TICK}
      height={44}
      label={{ value: "Days since the start", position: "insideBottom", fontSize: CHART_FONT_PX }}
    />
  );
}

/** The runs side by side: the figures, then each chart with a table that says the same. */
export function Results({
  runs,
  onRemove,
  onExport,
}: {
  runs: Done[];
  onRemove: (n: number) => void;
  onExport: () => void;
}) {
  // Rows any run fills; a figure that does not apply to a kind of run reads "—".
  const rows = runs[0]!.figures.filter((_, k) => runs.some((r) => r.figures[k]!.value !== null));
  const kinds = [...new Set(runs.map((r) => r.kind))];
  return (
    <section aria-labelledby="results-heading" className="card space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="results-heading" className="text-xl font-semibold">
          Results side by side
        </h2>
        <button type="button" className="btn btn-secondary" onClick={onExport}>
          Export the results (CSV)
        </button>
      </div>
      <KeyFiguresTable
        caption={
          <span className="text-sm font-normal text-muted">
            Figures from the simulation; beside each count, its share of that run&rsquo;s own cases (or prisoners), so a
            province and the whole country can be compared. The sources&rsquo; own figures are on the sources page and
            in the questions below.
          </span>
        }
        rows={rows}
        columns={runs.map((r) => ({
          key: r.n,
          values: Object.fromEntries(r.figures.map((f) => [f.key, f.value])),
          header: (
            <>
              <span className="block text-sm font-normal">{r.label}</span>
              <button type="button" className="text-sm text-accent underline" onClick={() => onRemove(r.n)}>
                Remove<span className="sr-only"> run {r.n}</span>
              </button>
            </>
          ),
        }))}
      />
      {runs.some((r) => r.kind === "review") ? (
        <p className="text-sm text-muted">
          Each 1954–55 result is given twice: what the commission decided (what the provinces&rsquo; reports and the
          sources count), and the final outcome after the court (what the outcome chart shows). They differ because, for
          a sentence a court had passed, the commission&rsquo;s decision was only a protest: the person stayed in the
          camp until a court ruled, and the court could reject it, so the sentence stood. That is also why full
          rehabilitation decided by the commission can be larger than &ldquo;released by the end&rdquo;: many were still
          waiting for the court, and a few were freed on paper but still held by the camp.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <ReleasedChart runs={runs} />
        <DecidedChart runs={runs} />
        {kinds.map((kind) => (
          <OutcomesChart key={kind} kind={kind} runs={runs.filter((r) => r.kind === kind)} all={runs} />
        ))}
      </div>
      <p className="text-sm text-muted">
        Each run took {runs.map((r) => `${(r.ms / 1000).toFixed(1)} s (run ${r.n})`).join(", ")} in this browser.
      </p>
    </section>
  );
}

/** A chart's table, folded away under it: the same figures, for a screen reader or for copying into an essay. */
function ChartTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-accent underline">Show as a table</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left">
          <caption className="mb-1 text-left font-semibold">{caption}</caption>
          {children}
        </table>
      </div>
    </details>
  );
}

/** A table of days down the side and one column per run; `after` rows (those still waiting) close it. */
function DaysTable({
  caption,
  runs,
  rows,
  after,
}: {
  caption: string;
  runs: Done[];
  rows: DayRow[];
  after: { label: string; values: string[] };
}) {
  return (
    <ChartTable caption={caption}>
      <RunsHead first="Days since the start" runs={runs} />
      <tbody>
        {rows.map((row) => (
          <tr key={row.day} className="border-b border-line/60">
            <th scope="row" className="py-1 pr-3 font-normal tabular-nums">
              {row.day}
            </th>
            {row.values.map((v, k) => (
              <td key={runs[k]!.n} className="py-1 pr-3 text-right tabular-nums">
                {v === null ? <NotApplicable why="past this run's end" /> : formatShare(v)}
              </td>
            ))}
          </tr>
        ))}
        <tr className="border-b border-line/60">
          <th scope="row" className="py-1 pr-3 font-normal">
            {after.label}
          </th>
          {after.values.map((v, k) => (
            <td key={runs[k]!.n} className="py-1 pr-3 text-right tabular-nums">
              {v}
            </td>
          ))}
        </tr>
      </tbody>
    </ChartTable>
  );
}

/** A chart's table header: what the rows are, then one column per run. */
function RunsHead({ first, runs }: { first: string; runs: readonly { n: number }[] }) {
  return (
    <thead>
      <tr className="border-b border-line">
        <th scope="col" className="py-1 pr-3">
          {first}
        </th>
        {runs.map((r) => (
          <th key={r.n} scope="col" className="py-1 pr-3 text-right">
            Run {r.n}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function NotApplicable({ why }: { why: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{why}</span>
    </>
  );
}

/** "Still waiting at the end": count and share, for each run. */
function waitingRow(runs: Done[]) {
  return {
    label: "Still waiting at the end (count and share)",
    values: runs.map((r) => countWithShare(stillWaitingAtEnd(r), r.cases)),
  };
}

/**
 * A share of each run's own people over days since the start, one line per
 * run; the figures are in the table under it (TABLE_BELOW). `whole`: the
 * axis runs to 100% (a share that ends there), else to the largest value.
 */
function ShareOverDays<K extends string>({
  caption,
  lines,
  dataKey,
  whole = false,
}: {
  caption: string;
  lines: { n: number; data: readonly ({ day: number } & Record<K, number>)[] }[];
  dataKey: K;
  whole?: boolean;
}) {
  const maxDay = Math.max(0, ...lines.flatMap((l) => l.data.map((p) => p.day)));
  const top = Math.max(0, ...lines.flatMap((l) => l.data.map((p) => p[dataKey])));
  // Round percentages (0, 5, 10 …; 0, 25 … 100 when the share ends at the whole).
  const ticks = whole ? [0, 0.25, 0.5, 0.75, 1] : shareTicks(top);
  return (
    <div className="h-72">
      <ResponsiveContainer>
        <LineChart margin={MARGIN} title={caption} desc={TABLE_BELOW}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d4d7dc" />
          <DaysAxis maxDay={maxDay} />
          <YAxis
            domain={[0, ticks.at(-1)!]}
            ticks={ticks}
            interval={0}
            tickFormatter={percentTick}
            tick={AXIS_TICK}
            width={44}
          />
          <Tooltip formatter={(v) => formatShare(Number(v))} labelFormatter={(d) => `Day ${String(d)}`} />
          <Legend />
          {lines.map((line, k) => (
            <Line
              key={line.n}
              data={[...line.data]}
              dataKey={dataKey}
              name={`Run ${line.n}`}
              stroke={RUN_COLOURS[k % RUN_COLOURS.length]}
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

function ReleasedChart({ runs }: { runs: Done[] }) {
  const caption = "Released so far, as a share of everyone held at the start, by days since the start";
  return (
    <figure className="space-y-2">
      <figcaption className="font-semibold">{caption}</figcaption>
      <ShareOverDays caption={caption} lines={runs.map((r) => ({ n: r.n, data: r.series }))} dataKey="releasedShare" />
      <DaysTable
        caption="Released so far, as a share of everyone held at the start"
        runs={runs}
        rows={releasedRows(runs)}
        after={waitingRow(runs)}
      />
    </figure>
  );
}

function DecidedChart({ runs }: { runs: Done[] }) {
  const caption =
    "Share of all cases decided by each day since the start (1945: of those the decree covered, the share who had left the camp)";
  return (
    <figure className="space-y-2">
      <figcaption className="font-semibold">{caption}</figcaption>
      <ShareOverDays
        caption={caption}
        lines={runs.map((r) => ({ n: r.n, data: decidedSeries(r.curve) }))}
        dataKey="decidedShare"
        whole
      />
      <ul className="space-y-1 text-sm">
        {runs.map((r) => (
          <li key={r.n}>
            <WaitSentence run={r} />
          </li>
        ))}
      </ul>
      {runs.some((r) => r.kind === "review") ? (
        <p className="text-sm text-muted">
          Why two medians? The median over decided cases only looks at the people who got an answer. If a change lets
          the commission decide more cases, the extra ones are mostly people who had already waited a long time — so
          that median can go <em>up</em> even though everyone waits less. Counting the people still waiting (as
          &ldquo;waited at least until the end&rdquo;) avoids this: the day by which half of <em>all</em> cases were
          decided can only come sooner when more is decided sooner. The curve above counts everyone.
        </p>
      ) : null}
      <DaysTable
        caption="Share of all cases decided by each day (1945: of those covered, the share out of the camp)"
        runs={runs}
        rows={decidedRows(runs)}
        after={waitingRow(runs)}
      />
    </figure>
  );
}

function WaitSentence({ run: r }: { run: Done }) {
  if (r.kind === "amnesty1945") {
    return (
      <>
        Run {r.n}: of those the decree covered, half had left the camp within {describeWait(r.waitsFromStart)} and 90%
        within {describeWait(r.waitsFromStart, "p90")} of the decree. The wait was for paperwork: the records
        department&rsquo;s check, a signature, a passport.
      </>
    );
  }
  const half = timeToDecision(r.curve);
  const decided = decidedTotal(r.curve);
  const decidedOnly = decidedOnlyMedian(r.curve);
  return (
    <>
      Run {r.n}: {countWithShare(decided, r.cases)} of {r.cases.toLocaleString("en")} cases decided (by the commission,
      or pardoned first); {countWithShare(r.cases - decided, r.cases)} still waiting at the end.{" "}
      {half?.reached
        ? `Half of all cases were decided within ${half.days} days.`
        : `Fewer than half were decided in the run's ${r.curve.horizonDays} days: the typical wait was longer than the run.`}{" "}
      {decidedOnly === null
        ? null
        : `Among the decided cases only, the median wait was ${decidedOnly} days (the ${(r.cases - decided).toLocaleString("en")} still waiting are left out of that figure).`}{" "}
      Once the commission knew of a case, half were decided within {describeWait(r.waits)}: lists on time let it know of
      cases sooner, so that wait can grow while every case waits less.
    </>
  );
}

function OutcomesChart({ kind, runs, all }: { kind: Done["kind"]; runs: Done[]; all: Done[] }) {
  const [mode, setMode] = useState<"share" | "count">(OUTCOME_MODE_DEFAULT);
  const rows = outcomeRows(runs);
  const unit = kind === "amnesty1945" ? "prisoners" : "cases";
  const caption =
    kind === "amnesty1945"
      ? "Where the 1945 prisoners ended, those still waiting included"
      : "Final outcome of each case at the end (after the court, where a court had to rule), those not decided or not final included";
  const shareAxis = shareTicks(Math.max(0, ...rows.flatMap((row) => row.cells.map((c) => c?.share ?? 0))));
  const data = rows.map((row) => ({
    label: row.label,
    ...Object.fromEntries(
      runs.map((r, k) => {
        const cell = row.cells[k];
        return [`Run ${r.n}`, cell ? (mode === "share" ? cell.share : cell.count) : 0];
      }),
    ),
  }));
  const name = `outcome-mode-${kind}`;
  return (
    <figure className="space-y-2">
      <figcaption className="font-semibold">
        {caption} ({mode === "share" ? `share of each run's ${unit}` : unit})
      </figcaption>
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <legend className="sr-only">Show the bars as</legend>
        <label className="flex items-center gap-1">
          <input type="radio" name={name} checked={mode === "share"} onChange={() => setMode("share")} />
          Share of each run&rsquo;s {unit}
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name={name} checked={mode === "count"} onChange={() => setMode("count")} />
          Counts
        </label>
      </fieldset>
      {/* Room for each bar's label at 12 px, wrapped over two or three lines. */}
      <div style={{ height: Math.max(288, rows.length * Math.max(40, 10 + 8 * runs.length) + 70) }}>
        <ResponsiveContainer>
          <BarChart
            data={data}
            layout="vertical"
            margin={MARGIN}
            title={`${caption}, as ${mode === "share" ? "shares of each run's own total" : "counts"}`}
            desc={TABLE_BELOW}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#d4d7dc" />
            <XAxis
              type="number"
              allowDecimals={mode === "share"}
              {...(mode === "share"
                ? { domain: [0, shareAxis.at(-1)!], ticks: shareAxis, interval: 0 as const }
                : { domain: [0, "auto"], tickCount: 4 })}
              tickFormatter={mode === "share" ? percentTick : compactNumber}
              minTickGap={16}
              tick={AXIS_TICK}
            />
            <YAxis type="category" dataKey="label" width={160} tick={AXIS_TICK} interval={0} />
            <Tooltip formatter={(v) => (mode === "share" ? formatShare(Number(v)) : Number(v).toLocaleString("en"))} />
            <Legend />
            {runs.map((r) => (
              <Bar
                key={r.n}
                dataKey={`Run ${r.n}`}
                fill={RUN_COLOURS[all.indexOf(r) % RUN_COLOURS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartTable caption={`${caption}: count and share of each run's ${unit}`}>
        <RunsHead first="Outcome" runs={runs} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.outcome} className={`border-b border-line/60 ${row.waiting ? "font-semibold" : ""}`}>
              <th scope="row" className="py-1 pr-3 text-left font-[inherit]">
                {row.label}
              </th>
              {row.cells.map((cell, k) => (
                <td key={runs[k]!.n} className="py-1 pr-3 text-right tabular-nums">
                  {cell ? (
                    `${cell.count.toLocaleString("en")} (${formatShare(cell.share)})`
                  ) : (
                    <NotApplicable why="none" />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </ChartTable>
    </figure>
  );
}
