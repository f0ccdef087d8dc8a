"use client";

import { useActionState, useState, type ReactNode } from "react";
import { controlAction, type ControlState } from "./actions";

/** One control form with its own error message; hidden fields say which control it is. */
export function ControlForm({
  runId,
  action,
  children,
  className,
  label,
}: {
  runId: string;
  action: string;
  children?: ReactNode;
  className?: string;
  label?: string;
}) {
  const [state, formAction, pending] = useActionState<ControlState, FormData>(controlAction.bind(null, runId), {});
  return (
    <form action={formAction} className={className ?? "space-y-2"} aria-label={label} noValidate>
      <input type="hidden" name="action" value={action} />
      <fieldset disabled={pending} className="contents">
        {children}
      </fieldset>
      {state.error ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {state.error.message}
        </p>
      ) : null}
    </form>
  );
}

/** Ending is final (desks become read-only), so it asks once more, right where the button was. */
export function EndRunControl({ runId }: { runId: string }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="btn btn-secondary" onClick={() => setAsking(true)}>
        End the run…
      </button>
    );
  }
  return (
    <ControlForm
      runId={runId}
      action="end"
      label="End the run"
      className="space-y-2 rounded-md border border-danger/40 p-3"
    >
      <p className="max-w-xs text-sm">
        End now? The clock stops for good and every student&rsquo;s desk becomes read-only.
      </p>
      <div className="flex gap-2">
        <button type="submit" className="btn btn-primary">
          Yes, end the run
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => setAsking(false)} autoFocus>
          Cancel
        </button>
      </div>
    </ControlForm>
  );
}
