"use server";

import { isRunId } from "@/lib/runs/validation";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AccessDenied, requireInstructor } from "@/lib/authz";
import { failure, type FormState } from "@/lib/failure";
import { notAForm } from "@/lib/form-errors";
import { controlRun } from "@/lib/runs/console/control-run";

export type ControlState = FormState<{ done?: number }>;

function text(value: FormDataEntryValue | null): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Every button and form of the run page: parsed and authorized again in controlRun. */
export async function controlAction(runId: unknown, previous: ControlState, formData: FormData): Promise<ControlState> {
  // Bound on the client, so it arrives like any other input.
  if (!isRunId(runId)) return { error: failure("notFound", "There is no such run.") };
  if (!(formData instanceof FormData)) return { error: notAForm() };
  let user;
  try {
    user = await requireInstructor();
  } catch (error) {
    if (error instanceof AccessDenied) return { error: failure(error.reason, "Please sign in again.") };
    throw error;
  }
  const input = {
    action: text(formData.get("action")),
    speed: text(formData.get("speed")),
    toDate: text(formData.get("toDate")),
    seatId: text(formData.get("seatId")),
    role: text(formData.get("role")),
    eventId: text(formData.get("eventId")),
    counterfactual: text(formData.get("counterfactual")),
    name: text(formData.get("name")),
    locked: text(formData.get("locked")),
    text: text(formData.get("text")),
    on: text(formData.get("on")),
    minutes: text(formData.get("minutes")),
  };
  if (input.action === "removeSeat" && formData.get("confirm") !== "yes") {
    return { error: failure("invalid", "Tick the box to confirm: removing a seat cannot be undone.") };
  }
  if (input.action === "delete" && formData.get("confirm") !== "yes") {
    return {
      error: failure("invalid", "Tick the box to confirm: deleting removes the run, its seats and its log for good."),
    };
  }
  const result = await controlRun(
    user,
    runId,
    Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
  );
  if (!result.ok) return { error: result.error };
  if (input.action === "delete") redirect("/runs");
  revalidatePath(`/runs/${runId}`);
  // The previous state is the client's too: it may be anything, null included.
  return { done: (previous?.done ?? 0) + 1 };
}
