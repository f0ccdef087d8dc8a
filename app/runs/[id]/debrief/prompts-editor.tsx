"use client";

import { useActionState, useState } from "react";
import { PROMPTS_MAX } from "@/lib/runs/debrief/prompts";
import { savePromptsAction, type PromptsState } from "./actions";

/** The discussion prompts, and (on request) a form to rewrite them: one prompt per line. */
export function PromptsEditor({ runId, prompts }: { runId: string; prompts: string[] }) {
  const [editing, setEditing] = useState(false);
  const [state, action, pending] = useActionState<PromptsState, FormData>(savePromptsAction.bind(null, runId), {});
  return (
    <div className="space-y-3">
      <ol className="list-decimal space-y-2 pl-6">
        {prompts.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ol>
      {state.saved ? (
        <p role="status" className="text-sm print:hidden">
          Saved.
        </p>
      ) : null}
      {editing ? (
        <form
          action={async (data) => {
            await action(data);
          }}
          className="space-y-2 print:hidden"
          aria-label="Edit the prompts"
        >
          <label htmlFor="prompts" className="field-label">
            Your prompts, one per line (leave empty for the scenario&rsquo;s own)
          </label>
          <textarea
            id="prompts"
            name="prompts"
            rows={8}
            maxLength={PROMPTS_MAX}
            defaultValue={prompts.join("\n")}
            className="field-input"
            aria-invalid={state.error ? true : undefined}
            aria-describedby={state.error ? "prompts-error" : undefined}
          />
          {state.error ? (
            <p id="prompts-error" role="alert" className="field-error">
              {state.error.message}
            </p>
          ) : null}
          <div className="flex gap-2">
            <button type="submit" className="btn btn-primary" disabled={pending}>
              Save the prompts
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setEditing(false)}>
              Close
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="btn btn-secondary print:hidden" onClick={() => setEditing(true)}>
          Edit the prompts
        </button>
      )}
    </div>
  );
}

/** One click to the browser's print dialog, where "Save as PDF" makes the report a PDF. */
export function PrintButton() {
  return (
    <button type="button" className="btn btn-primary print:hidden" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
