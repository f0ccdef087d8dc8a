"use client";

import { useActionState, type ReactNode } from "react";
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
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
