"use client";

import { lazy, Suspense, useEffect, useRef, useState } from "react";
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
import { conflictsConcerning } from "@/lib/sources/conflicts";
import { CompareQuestions } from "./compare-questions";
import type { Done } from "./results";

// The results (and recharts, which draws them) load when the first run starts, not with the page.
const loadResults = () => import("./results");
const Results = lazy(() => loadResults().then((m) => ({ default: m.Results })));

const MAX_RUNS = 4;

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
    void loadResults();
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

  async function exportCsv() {
    const { default: Papa } = await import("papaparse");
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
            const provenance = p.provenanceFor(base);
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
                  aria-describedby={`${id}-value ${id}-hint ${id}-model${error ? ` ${id}-error` : ""}`}
                />
                {/* The scenario's own value, and where it comes from (the scenario's provenance for this field). */}
                <p id={`${id}-value`} className="field-hint">
                  This scenario: {p.read(base)}
                  {provenance ? <> — {provenance.note}</> : "."}
                  <SourceTag source={provenance?.source ?? p.source} newTab />
                </p>
                <p id={`${id}-hint`} className="field-hint">
                  {p.hintFor(base)}
                  <SourceTag source={p.source} newTab />
                </p>
                <p id={`${id}-model`} className="field-hint">
                  <span className="font-medium">What this changes in the model:</span> {p.explain}
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
        <Suspense fallback={null}>
          <Results
            runs={runs}
            onRemove={(n) => setRuns((all) => all.filter((r) => r.n !== n))}
            onExport={() => void exportCsv()}
          />
        </Suspense>
      ) : null}
      {/* Both kinds side by side: the questions the contrast raises. */}
      {runs.some((r) => r.kind === "amnesty1945") && runs.some((r) => r.kind === "review") ? (
        <CompareQuestions />
      ) : null}
    </div>
  );
}
