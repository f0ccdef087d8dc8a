"use client";

import { useActionState } from "react";
import { saveScenarioAction, type ScenarioFormState } from "../actions";

type Field = { key: string; label: string; kind: "text" | "textarea" | "number"; step?: number };

/** The scenario's editable fields; each error is shown beside its field, and nothing is saved until all pass. */
export function ScenarioForm({
  id,
  baseId,
  fields,
  values,
}: {
  id: string;
  baseId: string;
  fields: Field[];
  values: Record<string, string>;
}) {
  const [state, action, pending] = useActionState<ScenarioFormState, FormData>(saveScenarioAction, {});
  const errors = state.error?.fieldErrors ?? {};
  const shown = state.values ?? values;
  return (
    <form action={action} className="card space-y-4" aria-label="Scenario" noValidate>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="baseId" value={baseId} />
      {state.error ? (
        <p role="alert" className="font-medium text-danger">
          {state.error.message}
          {errors.form ? ` ${errors.form}` : ""}
        </p>
      ) : null}
      {fields.map((f) => {
        const fieldId = `scenario-${f.key.replace(/\./g, "-")}`;
        const error = errors[f.key];
        const common = {
          id: fieldId,
          name: f.key,
          defaultValue: shown[f.key] ?? "",
          className: "field-input",
          "aria-invalid": error ? true : undefined,
          "aria-describedby": error ? `${fieldId}-error` : undefined,
        } as const;
        return (
          <div key={f.key}>
            <label htmlFor={fieldId} className="field-label">
              {f.label}
            </label>
            {f.kind === "textarea" ? (
              <textarea rows={3} {...common} />
            ) : (
              <input type={f.kind === "number" ? "number" : "text"} step={f.step} {...common} />
            )}
            {error ? (
              <p id={`${fieldId}-error`} className="field-error">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? "Saving…" : "Save the scenario"}
      </button>
    </form>
  );
}
