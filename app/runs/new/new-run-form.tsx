"use client";

import { CREATE_RUN_FIELDS } from "@/lib/runs/create-run-fields";
import { useActionState, useState, type ReactNode } from "react";
import { Field, FormAlert } from "@/app/_components/field";
import { SourceConflict } from "@/app/_components/source-conflict";
import { formAlert } from "@/lib/failure";
import { HELP_AFTER_DAYS, planDistrict, type DistrictInput } from "@/lib/runs/district-plan";
import { planCamp } from "@/lib/runs/camp/camp-plan";
import { MAX_SEATS, MAX_SEATS_TESTED } from "@/lib/runs/policy";
import type { ConflictId } from "@/lib/sources/conflicts";
import { createRunAction, type CreateRunState } from "./actions";

export type ScenarioChoice = {
  id: string;
  title: string;
  summary: string;
  /** conflicts between the sources about this scenario's figures (lib/sources/conflicts.ts) */
  conflicts?: ConflictId[];
  cases: number;
  startLabel: string;
  horizonDays: number;
  /** the 1954–55 review: what the district's size is planned from (lib/runs/district-plan.ts) */
  district?: DistrictInput["scenario"];
  /** a 1945 camp: what its size is planned from (lib/runs/camp/camp-plan.ts); absent for the 1954–55 review */
  camp?: CampInput;
};

type CampInput = Parameters<typeof planCamp>[0]["scenario"];

export function NewRunForm({ scenarios }: { scenarios: ScenarioChoice[] }) {
  const [state, action, pending] = useActionState<CreateRunState, FormData>(createRunAction, {});
  // React resets a form after its action runs; remounting the fields with what was sent keeps the teacher's choices.
  return <RunFields key={state.attempt ?? 0} scenarios={scenarios} state={state} action={action} pending={pending} />;
}

/** The form's fields: a refusal about one of them is shown beside it, not above the form. */
const FIELDS: readonly string[] = CREATE_RUN_FIELDS;

function speedHint(speed: string, horizonDays: number): string {
  const n = Number(speed);
  if (!(n >= 1 && n <= 120)) return "Between 1 and 120. 7 is one simulated week per real minute.";
  const minutes = Math.round(horizonDays / n);
  const length = minutes < 1 ? "under a minute" : minutes === 1 ? "about a minute" : `about ${minutes} minutes`;
  return `At this speed the whole scenario takes ${length}; you can pause, change speed or jump ahead.`;
}

function RunFields({
  scenarios,
  state,
  action,
  pending,
}: {
  scenarios: ScenarioChoice[];
  state: CreateRunState;
  action: (data: FormData) => void;
  pending: boolean;
}) {
  const [scenarioId, setScenarioId] = useState(state.values?.scenarioId || scenarios[0]!.id);
  const [speed, setSpeed] = useState(state.values?.speed ?? "7");
  const [procurators, setProcurators] = useState(state.values?.procuratorSeats ?? "4");
  const [petitioners, setPetitioners] = useState(state.values?.petitionerSeats ?? "26");
  const scenario = scenarios.find((s) => s.id === scenarioId) ?? scenarios[0]!;
  // The same plan the server makes when the run is created: what the form says is what the class gets.
  const plan = scenario.district
    ? planDistrict({
        scenario: scenario.district,
        speed: Number(speed),
        procurators: Number(procurators),
        petitioners: Number(petitioners) || 0,
      })
    : null;
  const camp = scenario.camp
    ? planCamp({ scenario: scenario.camp, speed: Number(speed) || 7, clerks: Number(procurators) || 0 })
    : null;
  const errors = state.error?.fieldErrors;
  const scenarioError = errors?.scenarioId;
  return (
    <form action={action} className="space-y-6" noValidate>
      <FormAlert message={formAlert(state.error, FIELDS)} />
      <Field
        name="title"
        label="Title"
        required
        maxLength={100}
        defaultValue={state.values?.title}
        error={errors?.title}
        hint="For you and your students, e.g. “History 11B, period 3”."
      />
      <div>
        <label htmlFor="field-scenarioId" className="field-label">
          Scenario
        </label>
        <select
          id="field-scenarioId"
          name="scenarioId"
          className="field-input"
          defaultValue={scenarioId}
          onChange={(e) => setScenarioId(e.target.value)}
          aria-describedby="scenario-summary"
          aria-invalid={scenarioError ? true : undefined}
        >
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <p id="scenario-summary" className="field-hint">
          {scenario.summary} {camp ? "" : `${scenario.cases.toLocaleString("en")} cases. `}The clock starts on{" "}
          {scenario.startLabel} and runs {scenario.horizonDays} simulated days.
        </p>
        {(scenario.conflicts ?? []).map((c) => (
          <SourceConflict key={c} id={c} newTab className="mt-1" />
        ))}
        {scenarioError ? <p className="field-error">{scenarioError}</p> : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="procuratorSeats"
          label={camp ? "Records clerk seats" : "Procurator seats"}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_SEATS}
          required
          defaultValue={procurators}
          onChange={(e) => setProcurators(e.target.value)}
          error={errors?.procuratorSeats}
          hint={
            camp
              ? "Students who check prisoners' release files in the order of 12 July 1945: together they are the camp's records department."
              : "Students who review files: together they are the commission for their district. Computer desks work the rest of the province."
          }
        />
        <Field
          name="petitionerSeats"
          label={camp ? "Prisoner seats" : "Petitioner seats"}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_SEATS}
          required
          defaultValue={petitioners}
          onChange={(e) => setPetitioners(e.target.value)}
          error={errors?.petitionerSeats}
          hint={
            camp
              ? "Students who each play one prisoner of the camp, waiting to learn what the decree does for them."
              : "Students who write complaints. Each one's case sits on a classmate procurator's desk; the computer writes for every other prisoner."
          }
        />
        <p className="field-hint sm:col-span-2">
          Up to {MAX_SEATS.toLocaleString("en")} seats in all. {MAX_SEATS_TESTED}
        </p>
      </div>
      <Field
        name="speed"
        label="Clock speed (simulated days per real minute)"
        type="number"
        inputMode="decimal"
        min={1}
        max={120}
        step="any"
        required
        defaultValue={speed}
        onChange={(e) => setSpeed(e.target.value)}
        error={errors?.speed}
        hint={speedHint(speed, scenario.horizonDays)}
      />
      {camp ? (
        <section aria-labelledby="camp-heading" className="space-y-2 rounded-md border border-line p-3">
          <h2 id="camp-heading" className="font-semibold">
            The class&apos;s camp
          </h2>
          <p aria-live="polite" className="text-sm">
            {camp.explanation}
          </p>
          {Number(procurators) > 0 ? (
            <Checkbox name="computerHelps" label="The computer helps" checked={state.values?.computerHelps === "on"}>
              Off, the class alone is the camp&apos;s records department: a file no clerk checks keeps its prisoner
              waiting. On, the camp&apos;s own clerks check files too, at the pace the source reports.
            </Checkbox>
          ) : null}
        </section>
      ) : (
        <section aria-labelledby="district-heading" className="space-y-2 rounded-md border border-line p-3">
          <h2 id="district-heading" className="font-semibold">
            The class&apos;s district
          </h2>
          <p aria-live="polite" className="text-sm">
            {plan
              ? plan.explanation
              : "With no procurator seats, computer desks are the whole commission, and students only write letters."}
          </p>
          {plan ? (
            <Checkbox name="computerHelps" label="The computer helps" checked={state.values?.computerHelps === "on"}>
              Off, the class alone is its district&apos;s commission: what it does not decide stays undecided. On, a
              computer desk decides any file left {HELP_AFTER_DAYS} simulated days at review on a student&apos;s desk.
            </Checkbox>
          ) : null}
        </section>
      )}
      {camp ? null : (
        <fieldset className="space-y-3 rounded-md border border-line p-3">
          <legend className="px-1 font-semibold">Before and after the review</legend>
          <Checkbox name="prologue" label="Open with the March 1953 amnesty" checked={state.values?.prologue === "on"}>
            A short prologue on every seat: who went home in 1953, who did not and why — for a petitioner, their own
            case — with the sources&apos; conflicting totals side by side.
          </Checkbox>
          <Checkbox name="epilogue" label="End with February 1956" checked={state.values?.epilogue === "on"}>
            An epilogue once the run is over: the XX Party Congress, rehabilitation speeding up, and what became of the
            class&apos;s cases (the game&apos;s estimate where the sources give none, labelled as such).
          </Checkbox>
        </fieldset>
      )}
      <details className="rounded-md border border-line p-3" open={Boolean(errors?.seed)}>
        <summary className="cursor-pointer font-semibold">More settings</summary>
        <div className="mt-3">
          <Field
            name="seed"
            label="Seed (optional)"
            type="text"
            inputMode="numeric"
            defaultValue={state.values?.seed ?? ""}
            error={errors?.seed}
            hint="Leave blank for a fresh run. The same seed, scenario and students' actions replay the same history — useful to run one scenario the same way for two classes."
          />
        </div>
      </details>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? "Creating…" : "Create the run and open the lobby"}
      </button>
    </form>
  );
}

/** A checkbox with its label and a hint read with it; ticked again after a failed submission if it was ticked. */
function Checkbox({
  name,
  label,
  checked,
  children,
}: {
  name: (typeof CREATE_RUN_FIELDS)[number];
  label: string;
  checked: boolean;
  children: ReactNode;
}) {
  return (
    <div className="flex items-start gap-2">
      <input
        id={`field-${name}`}
        name={name}
        type="checkbox"
        className="mt-1 h-5 w-5"
        defaultChecked={checked}
        aria-describedby={`${name}-hint`}
      />
      <div>
        <label htmlFor={`field-${name}`} className="font-medium">
          {label}
        </label>
        <p id={`${name}-hint`} className="field-hint">
          {children}
        </p>
      </div>
    </div>
  );
}
