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
import { compactNumber, countWithShare, formatShare, sharesByDefault } from "@/lib/lab/shares";
import {
  decidedRows,
  decidedSeries,
  outcomeRows,
  releasedRows,
  stillWaitingAtEnd,
  type DayRow,
} from "@/lib/lab/tables";
import { decidedOnlyMedian, decidedTotal, timeToDecision } from "@/lib/lab/waits";
import { describeWait } from "@/lib/sim/survival";

/** A finished run as the page keeps it: its number, its label, and how long it took. */
export type Done = LabResult & { n: number; label: string; ms: number };

const RUN_COLOURS = ["#1f4e79", "#9b1c1c", "#0f766e", "#b45309"];
const AXIS_TICK = { fontSize: 12 };
// Room on the left for "100%" and "468k", and below for the day numbers.
const MARGIN = { top: 8, right: 16, bottom: 8, left: 4 };
// The charts' accessible description: where a screen reader finds the numbers.
const TABLE_BELOW = "The same figures are in the table under the chart (Show as a table).";
const percentTick = (v: number) => `${Math.round(v * 100)}%`;

/** The days axis: few enough ticks to stay apart on a phone. */
function DaysAxis() {
  return (
    <XAxis
      dataKey="day"
      type="number"
      domain={[0, "dataMax"]}
      allowDecimals={false}
      tickCount={5}
      minTickGap={24}
      interval="preserveStartEnd"
      tick={AXIS_TICK}
      height={28}
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
      <thead>
        <tr className="border-b border-line">
          <th scope="col" className="py-1 pr-3">
            Days since the start
          </th>
          {runs.map((r) => (
            <th key={r.n} scope="col" className="py-1 pr-3 text-right">
              Run {r.n}
            </th>
          ))}
        </tr>
      </thead>
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
  return (
    <div className="h-72">
      <ResponsiveContainer>
        <LineChart margin={MARGIN} title={caption} desc={TABLE_BELOW}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d4d7dc" />
          <DaysAxis />
          <YAxis
            domain={whole ? [0, 1] : [0, "auto"]}
            {...(whole ? { ticks: [0, 0.25, 0.5, 0.75, 1] } : {})}
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
      Run {r.n}: {countWithShare(decided, r.cases)} of {r.cases.toLocaleString("en")} cases decided;{" "}
      {countWithShare(r.cases - decided, r.cases)} still waiting at the end.{" "}
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
  // Until someone chooses, shares whenever counts would flatten the smaller runs' bars.
  const [choice, setChoice] = useState<"share" | "count" | null>(null);
  const mode = choice ?? (sharesByDefault(runs.map((r) => r.cases)) ? "share" : "count");
  const rows = outcomeRows(runs);
  const unit = kind === "amnesty1945" ? "prisoners" : "cases";
  const caption =
    kind === "amnesty1945"
      ? "Where the 1945 prisoners ended, those still waiting included"
      : "Outcomes of the cases, those not decided or not final at the end included";
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
          <input type="radio" name={name} checked={mode === "share"} onChange={() => setChoice("share")} />
          Share of each run&rsquo;s {unit}
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name={name} checked={mode === "count"} onChange={() => setChoice("count")} />
          Counts
        </label>
      </fieldset>
      <div style={{ height: Math.max(288, rows.length * (10 + 8 * runs.length) + 70) }}>
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
              domain={[0, "auto"]}
              tickFormatter={mode === "share" ? percentTick : compactNumber}
              tickCount={4}
              minTickGap={16}
              tick={AXIS_TICK}
            />
            <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 11 }} interval={0} />
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
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1 pr-3">
              Outcome
            </th>
            {runs.map((r) => (
              <th key={r.n} scope="col" className="py-1 pr-3 text-right">
                Run {r.n}
              </th>
            ))}
          </tr>
        </thead>
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
