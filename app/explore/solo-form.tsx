"use client";

import { Link } from "@/app/_components/link";
import { useActionState, useState, useSyncExternalStore } from "react";
import { SOLO_RUNS_KEY, type SoloRunNote } from "@/app/play/[runId]/solo-runs";
import { formAlert } from "@/lib/failure";
import { FIRST_SOLO_PACE, SOLO_PACES } from "@/lib/runs/policy";
import { startSoloAction, type SoloState } from "./actions";

/** How long a scenario's calendar takes at a pace, in words ("about 75 minutes", "about 2 hours"). */
function minutesFor(horizonDays: number, daysPerMinute: number): string {
  const minutes = Math.round(horizonDays / daysPerMinute);
  return minutes < 100 ? `${minutes} minutes` : `${Math.round(minutes / 60)} hours`;
}

/** Choose a scenario, a role and a pace; a seed under More settings replays the same history. */
export function SoloForm({
  scenarios,
  initialScenarioId = "chita-1954",
}: {
  /** camp: a 1945 amnesty camp, whose two parts are a prisoner and a records clerk */
  scenarios: { id: string; title: string; summary: string; camp: boolean; horizonDays: number }[];
  /** the scenario chosen on arrival (a scenario's page links here with it) */
  initialScenarioId?: string;
}) {
  const [state, action, pending] = useActionState<SoloState, FormData>(startSoloAction, {});
  const [scenarioId, setScenarioId] = useState(initialScenarioId);
  const chosen = scenarios.find((s) => s.id === scenarioId);
  const camp = chosen?.camp ?? false;
  const errors = state.error?.fieldErrors ?? {};
  const alert = formAlert(state.error, ["scenarioId", "role", "speed", "seed"]);
  return (
    <form action={action} className="space-y-4" aria-label="Play alone" noValidate>
      <div>
        <label htmlFor="solo-scenario" className="field-label">
          Scenario
        </label>
        <select
          id="solo-scenario"
          name="scenarioId"
          className="field-input"
          value={scenarioId}
          onChange={(e) => setScenarioId(e.target.value)}
          aria-describedby="solo-scenario-summary"
        >
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <p id="solo-scenario-summary" className="field-hint">
          {chosen?.summary}
        </p>
        {errors.scenarioId ? <p className="field-error">{errors.scenarioId}</p> : null}
      </div>
      <fieldset className="space-y-2">
        <legend className="field-label">Play as</legend>
        <label className="flex items-start gap-2">
          <input type="radio" name="role" value="petitioner" defaultChecked className="mt-1 size-4" />
          <span>
            {camp ? (
              <>
                <strong>A prisoner</strong> — waiting to learn what the decree does for you, and for your release.
              </>
            ) : (
              <>
                <strong>A petitioner</strong> — a prisoner or a relative, writing letters into the machine.
              </>
            )}
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name="role" value="procurator" className="mt-1 size-4" />
          <span>
            {camp ? (
              <>
                <strong>A records clerk</strong> — checking release files for earlier convictions, with too few hours.
              </>
            ) : (
              <>
                <strong>A procurator</strong> — reviewing files at a commission, with too few hours.
              </>
            )}
          </span>
        </label>
        {errors.role ? <p className="field-error">{errors.role}</p> : null}
      </fieldset>
      <fieldset className="space-y-2" aria-describedby="solo-pace-hint">
        <legend className="field-label">Pace</legend>
        <p id="solo-pace-hint" className="field-hint">
          How fast the simulated calendar runs while you play. You can pause, change the pace or skip ahead at any time.
        </p>
        {SOLO_PACES.map((pace) => (
          <label key={pace.daysPerMinute} className="flex items-start gap-2">
            <input
              type="radio"
              name="speed"
              value={pace.daysPerMinute}
              defaultChecked={pace.daysPerMinute === FIRST_SOLO_PACE}
              className="mt-1 size-4"
            />
            <span>
              <strong>{pace.name}</strong>
              {pace.daysPerMinute === FIRST_SOLO_PACE ? " (for a first run)" : ""}
              {chosen ? ` — about ${minutesFor(chosen.horizonDays, pace.daysPerMinute)} without skipping` : ""}.{" "}
              {pace.means}
            </span>
          </label>
        ))}
        {errors.speed ? <p className="field-error">{errors.speed}</p> : null}
      </fieldset>
      <details>
        <summary className="cursor-pointer text-accent">More settings</summary>
        <div className="mt-2">
          <label htmlFor="solo-seed" className="field-label">
            Seed (optional)
          </label>
          <input
            id="solo-seed"
            name="seed"
            type="number"
            min={1}
            className="field-input w-40"
            aria-describedby="solo-seed-hint"
            aria-invalid={errors.seed ? true : undefined}
          />
          <p id="solo-seed-hint" className="field-hint">
            The same seed and the same choices give the same history.
          </p>
          {errors.seed ? <p className="field-error">{errors.seed}</p> : null}
        </div>
      </details>
      {alert ? (
        <p role="alert" className="font-medium text-danger">
          {alert}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? "Starting…" : "Start playing"}
      </button>
    </form>
  );
}

const subscribe = (onChange: () => void) => {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
};

/** Runs this browser has played alone: continue where you left off. */
export function ContinueList() {
  const raw = useSyncExternalStore(
    subscribe,
    () => {
      try {
        return localStorage.getItem(SOLO_RUNS_KEY) ?? "[]";
      } catch {
        return "[]";
      }
    },
    () => "[]",
  );
  let notes: SoloRunNote[] = [];
  try {
    notes = JSON.parse(raw) as SoloRunNote[];
  } catch {
    notes = [];
  }
  if (notes.length === 0) return null;
  return (
    <section aria-labelledby="continue-heading" className="card space-y-2">
      <h2 id="continue-heading" className="text-xl font-semibold">
        Continue where you left off
      </h2>
      <ul className="space-y-1">
        {notes.map((n) => (
          <li key={n.runId}>
            <Link href={`/play/${n.runId}`} className="text-accent underline">
              {n.title} — as a {n.role}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
