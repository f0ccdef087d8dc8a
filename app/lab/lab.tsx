"use client";

import Papa from "papaparse";
import { useEffect, useRef, useState } from "react";
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
import { SourceConflict } from "@/app/_components/source-conflict";
import { SourceTag } from "@/app/_components/source-tag";
import {
  configToQuery,
  isAmnestyScenario,
  LAB_PRESETS,
  LAB_SCENARIOS,
  labErrors,
  labScenario,
  paramsFor,
  scenarioSize,
  type LabConfig,
  type LabPresetId,
} from "@/lib/lab/config";
import type { LabResult } from "@/lib/lab/run";
import { describeShareDecided, describeWait, waitAtLeast } from "@/lib/sim/survival";
import { conflictsConcerning } from "@/lib/sources/conflicts";
import { CompareQuestions } from "./compare-questions";

const MAX_RUNS = 4;
const RUN_COLOURS = ["#1f4e79", "#9b1c1c", "#0f766e", "#b45309"];

type Done = LabResult & { n: number; label: string; ms: number };

function describe(config: LabConfig): string {
  const title = LAB_SCENARIOS.find((s) => s.id === config.scenarioId)?.title.split(/[,(:]/)[0] ?? config.scenarioId;
  const changed = paramsFor(config.scenarioId)
    .filter((p) => config.values[p.key] !== undefined)
    .map((p) => `${p.label.split(/[(:]/)[0]!.trim().toLowerCase()} ${config.values[p.key]}`);
  return [title, `seed ${config.seed}`, ...(config.events ? [] : ["no events"]), ...changed].join(", ");
}

/**
 * The what-if lab: a scenario's main parameters as controls, runs
 * in a Web Worker with a progress bar and a cancel button, up to four runs
 * side by side, a shareable link and a CSV of the results.
 */
export function Lab({
  initial,
  autorun,
  preset = null,
}: {
  initial: LabConfig;
  autorun: boolean;
  /** a lesson preset: its configurations run one after another on arrival */
  preset?: LabPresetId | null;
}) {
  const [config, setConfig] = useState<LabConfig>(initial);
  const [runs, setRuns] = useState<Done[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const worker = useRef<Worker | null>(null);
  const counter = useRef(0);
  const errors = labErrors(config);
  const scenario = LAB_SCENARIOS.find((s) => s.id === config.scenarioId) ?? LAB_SCENARIOS[0]!;
  const query = configToQuery(config);

  // The address bar always holds the configuration, so it can be shared as it is.
  useEffect(() => {
    window.history.replaceState(null, "", `/lab?${query}`);
  }, [query]);

  /** Runs `which`, then (once it is done) the configurations in `then`, one after another. */
  function run(which: LabConfig, then: readonly LabConfig[] = [], shown = runs.length) {
    if (Object.keys(labErrors(which)).length > 0) {
      setMessage("Fix the values marked above first.");
      return;
    }
    if (shown >= MAX_RUNS) {
      setMessage(`At most ${MAX_RUNS} runs side by side: remove one first.`);
      return;
    }
    worker.current?.terminate();
    const w = new Worker(new URL("./lab.worker.ts", import.meta.url));
    worker.current = w;
    setProgress(0);
    setMessage(null);
    w.onmessage = (event: MessageEvent) => {
      const data = event.data as
        | { type: "progress"; done: number }
        | { type: "result"; result: LabResult; ms: number }
        | { type: "error"; message: string };
      if (data.type === "progress") setProgress(data.done);
      else {
        w.terminate();
        worker.current = null;
        setProgress(null);
        if (data.type === "error") setMessage(`The run failed: ${data.message}`);
        else {
          const n = ++counter.current;
          setRuns((all) => [...all, { ...data.result, n, label: `Run ${n}: ${describe(which)}`, ms: data.ms }]);
          setMessage(`Run ${n} finished in ${(data.ms / 1000).toFixed(1)} s.`);
          const [next, ...rest] = then;
          if (next) run(next, rest, shown + 1);
        }
      }
    };
    w.postMessage({ config: which });
  }

  function cancel() {
    worker.current?.terminate();
    worker.current = null;
    setProgress(null);
    setMessage("Run cancelled.");
  }

  // A shared link with run=1 runs its configuration once on arrival.
  const ran = useRef(false);
  useEffect(() => {
    if (autorun && !ran.current) {
      ran.current = true;
      if (preset) {
        const [first, ...rest] = LAB_PRESETS[preset].configs;
        run(first, rest);
      } else run(initial);
    }
    return () => worker.current?.terminate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival
  }, []);

  const setValue = (key: string, raw: string) =>
    setConfig((c) => {
      const values = { ...c.values };
      if (raw.trim() === "") delete values[key];
      else values[key] = Number(raw);
      return { ...c, values };
    });

  function exportCsv() {
    const rows = runs.flatMap((r) =>
      r.figures
        .filter((f) => f.value !== null)
        .map((f) => ({ run: r.label, link: `/lab?${r.query}&run=1`, figure: f.label, value: f.value })),
    );
    const blob = new Blob([Papa.unparse(rows, { escapeFormulae: true })], { type: "text/csv" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "spravka-lab.csv";
    a.click();
    URL.revokeObjectURL(a.href);
  }

  const share = typeof window === "undefined" ? `/lab?${query}&run=1` : `${window.location.origin}/lab?${query}&run=1`;
  const running = progress !== null;
  // The page only hands over known scenarios, but a render must never throw on one it does not know.
  const base = labScenario({ ...config, scenarioId: scenario.id, values: {} });
  const controls = paramsFor(scenario.id);
  const amnesty = isAmnestyScenario(scenario);

  return (
    <div className="space-y-8">
      <form
        className="card space-y-4"
        aria-label="Lab configuration"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          run(config);
        }}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="lab-scenario" className="field-label">
              Scenario
            </label>
            <select
              id="lab-scenario"
              className="field-input"
              value={config.scenarioId}
              onChange={(e) => setConfig({ ...config, scenarioId: e.target.value, values: {} })}
            >
              {LAB_SCENARIOS.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title} — {scenarioSize(s)}
                </option>
              ))}
            </select>
            <p className="field-hint">{scenario.summary}</p>
            {/* Where the scenario's figures rest on sources that disagree or do not add up: say so beside it. */}
            {conflictsConcerning(`scenario:${scenario.id}`).map((c) => (
              <SourceConflict key={c.id} id={c.id} newTab className="mt-1" />
            ))}
          </div>
          <div>
            <label htmlFor="lab-seed" className="field-label">
              Seed
            </label>
            <input
              id="lab-seed"
              type="number"
              min={1}
              max={1_000_000}
              step={1}
              className="field-input w-40"
              value={Number.isFinite(config.seed) ? config.seed : ""}
              onChange={(e) => setConfig({ ...config, seed: Number(e.target.value) })}
              aria-invalid={errors.seed ? true : undefined}
              aria-describedby={errors.seed ? "lab-seed-error" : "lab-seed-hint"}
            />
            <p id="lab-seed-hint" className="field-hint">
              The same seed and values always give the same run.
            </p>
            {errors.seed ? (
              <p id="lab-seed-error" className="field-error">
                {errors.seed}
              </p>
            ) : null}
            {/* The 1945 amnesty has no events to switch: the decree is the run. */}
            {amnesty ? null : (
              <label className="mt-3 flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={config.events}
                  onChange={(e) => setConfig({ ...config, events: e.target.checked })}
                  className="size-4"
                />
                Scheduled historical events (decrees, rulings) take effect
              </label>
            )}
          </div>
        </div>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 font-semibold">Change what you like (blank: the scenario&rsquo;s own value)</legend>
          {controls.map((p) => {
            const id = `lab-${p.key}`;
            const error = errors[p.key];
            return (
              <div key={p.key}>
                <label htmlFor={id} className="field-label">
                  {p.label}
                </label>
                <input
                  id={id}
                  type="number"
                  min={p.min}
                  max={p.max}
                  step={p.step}
                  placeholder={String(p.read(base))}
                  className="field-input w-40"
                  value={config.values[p.key] ?? ""}
                  onChange={(e) => setValue(p.key, e.target.value)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
                />
                <p id={`${id}-hint`} className="field-hint">
                  Scenario: {p.read(base)}. {p.hint}
                  <SourceTag source={p.source} newTab />
                </p>
                {conflictsConcerning(`lab:${p.key}`).map((c) => (
                  <SourceConflict key={c.id} id={c.id} newTab className="mt-1" />
                ))}
                {error ? (
                  <p id={`${id}-error`} className="field-error">
                    {error}
                  </p>
                ) : null}
              </div>
            );
          })}
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn btn-primary" disabled={running}>
            Run ({runs.length} of {MAX_RUNS} shown)
          </button>
          {running ? (
            <button type="button" className="btn btn-secondary" onClick={cancel}>
              Cancel
            </button>
          ) : null}
          {running ? (
            <label className="flex items-center gap-2">
              Running…
              <progress max={1} value={progress ?? 0} className="w-48" />
              <span className="tabular-nums">{Math.round((progress ?? 0) * 100)}%</span>
            </label>
          ) : null}
        </div>
        <p role="status" className="min-h-6">
          {message}
        </p>
        <div>
          <label htmlFor="lab-share" className="field-label">
            Link to this configuration (it runs on arrival)
          </label>
          <div className="flex flex-wrap gap-2">
            <input id="lab-share" readOnly value={share} className="field-input min-w-0 flex-1 font-mono text-sm" />
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => void navigator.clipboard?.writeText(share).then(() => setMessage("Link copied."))}
            >
              Copy the link
            </button>
          </div>
        </div>
      </form>

      {runs.length > 0 ? (
        <Results runs={runs} onRemove={(n) => setRuns((all) => all.filter((r) => r.n !== n))} onExport={exportCsv} />
      ) : null}
      {/* Both kinds side by side: the questions the contrast raises. */}
      {runs.some((r) => r.kind === "amnesty1945") && runs.some((r) => r.kind === "review") ? (
        <CompareQuestions />
      ) : null}
    </div>
  );
}

function Results({ runs, onRemove, onExport }: { runs: Done[]; onRemove: (n: number) => void; onExport: () => void }) {
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
            Figures from the simulation. The sources&rsquo; own figures are on the sources page and in the questions
            below.
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
        <figure className="space-y-2">
          <figcaption className="font-semibold">
            Released so far, as a share of everyone held at the start, by days since the start
          </figcaption>
          <div className="h-72">
            <ResponsiveContainer>
              <LineChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#d4d7dc" />
                <XAxis dataKey="day" type="number" domain={[0, "dataMax"]} tick={{ fontSize: 12 }} />
                <YAxis
                  domain={[0, "auto"]}
                  tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
                  tick={{ fontSize: 12 }}
                />
                <Tooltip formatter={(v) => `${(Number(v) * 100).toFixed(1)}%`} />
                <Legend />
                {runs.map((r, k) => (
                  <Line
                    key={r.n}
                    data={r.series}
                    dataKey="releasedShare"
                    name={`Run ${r.n}`}
                    stroke={RUN_COLOURS[k % RUN_COLOURS.length]}
                    dot={false}
                    strokeWidth={2}
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
        </figure>
        <figure className="space-y-2">
          <figcaption className="font-semibold">
            Days from the start to a decision (1954–55: every case) or to leaving the camp (1945: those the decree
            covered); those still waiting count as waiting
          </figcaption>
          <div className="h-72">
            <ResponsiveContainer>
              <BarChart
                data={runs.map((r) => ({
                  run: `Run ${r.n}`,
                  // Not reached (fewer than half decided): the bar shows the floor, and the list below says "more than".
                  median: Math.round(waitAtLeast(r.waitsFromStart) ?? 0),
                  p90: Math.round(waitAtLeast(r.waitsFromStart, "p90") ?? 0),
                }))}
                margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
              >
                <CartesianGrid strokeDasharray="3 3" stroke="#d4d7dc" />
                <XAxis dataKey="run" tick={{ fontSize: 12 }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
                <Tooltip />
                <Legend />
                <Bar dataKey="median" name="Median" fill="#1f4e79" isAnimationActive={false} />
                <Bar dataKey="p90" name="90% within" fill="#b45309" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ul className="text-sm text-muted">
            {runs.map((r) =>
              r.kind === "amnesty1945" ? (
                <li key={r.n}>
                  Run {r.n}: of those the decree covered, half had left the camp within {describeWait(r.waitsFromStart)}{" "}
                  and 90% within {describeWait(r.waitsFromStart, "p90")} of the decree. The wait was for paperwork: the
                  records department&rsquo;s check, a signature, a passport.
                </li>
              ) : (
                <li key={r.n}>
                  Run {r.n}: from the start, {describeShareDecided(r.waitsFromStart, "median")} and{" "}
                  {describeShareDecided(r.waitsFromStart, "p90")} (a bar that stops at the horizon is a floor). Once the
                  commission knew of a case, half were decided within {describeWait(r.waits)}: lists on time let it know
                  of more cases sooner, so that wait can grow while every case waits less.
                </li>
              ),
            )}
          </ul>
        </figure>
        {kinds.map((kind) => {
          const ofKind = runs.filter((r) => r.kind === kind);
          const outcomes = ofKind[0]!.outcomes.map((o, k) => ({
            label: o.label,
            ...Object.fromEntries(ofKind.map((r) => [`Run ${r.n}`, r.outcomes[k]!.count])),
          }));
          return (
            <figure key={kind} className="space-y-2">
              <figcaption className="font-semibold">
                {kind === "amnesty1945" ? "Where the 1945 prisoners ended (prisoners)" : "Outcomes (cases)"}
              </figcaption>
              <div className="h-72">
                <ResponsiveContainer>
                  <BarChart data={outcomes} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                    <CartesianGrid strokeDasharray="3 3" stroke="#d4d7dc" />
                    <XAxis
                      type="number"
                      allowDecimals={false}
                      tickFormatter={(v: number) => v.toLocaleString("en")}
                      tick={{ fontSize: 12 }}
                    />
                    <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} />
                    <Tooltip />
                    <Legend />
                    {ofKind.map((r) => (
                      <Bar
                        key={r.n}
                        dataKey={`Run ${r.n}`}
                        fill={RUN_COLOURS[runs.indexOf(r) % RUN_COLOURS.length]}
                        isAnimationActive={false}
                      />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
              </div>
            </figure>
          );
        })}
      </div>
      <p className="text-sm text-muted">
        Each run took {runs.map((r) => `${(r.ms / 1000).toFixed(1)} s (run ${r.n})`).join(", ")} in this browser.
      </p>
    </section>
  );
}
