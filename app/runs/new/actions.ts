"use server";

import { redirect } from "next/navigation";
import { AccessDenied, requireInstructor } from "@/lib/authz";
import { failure, type FormState } from "@/lib/failure";
import { notAForm } from "@/lib/form-errors";
import { createRun } from "@/lib/runs/console/create-run";
import { CREATE_RUN_FIELDS } from "@/lib/runs/create-run-fields";

export type CreateRunState = FormState<{
  /** counts submissions, so the form can show what was sent after each one */
  attempt?: number;
  values?: Record<string, string>;
}>;

export async function createRunAction(previous: CreateRunState, formData: FormData): Promise<CreateRunState> {
  // The previous state is the client's too: it may be anything, null included.
  const attempt = (previous?.attempt ?? 0) + 1;
  if (!(formData instanceof FormData)) return { attempt, error: notAForm() };
  const values = Object.fromEntries(CREATE_RUN_FIELDS.map((f) => [f, String(formData.get(f) ?? "")]));
  let user;
  try {
    user = await requireInstructor();
  } catch (error) {
    if (error instanceof AccessDenied) {
      return { attempt, error: failure(error.reason, "Please sign in again to create a run."), values };
    }
    throw error;
  }
  const result = await createRun(user, {
    title: formData.get("title"),
    scenarioId: formData.get("scenarioId"),
    // Empty number fields stay invalid rather than becoming 0.
    procuratorSeats: formData.get("procuratorSeats") || undefined,
    petitionerSeats: formData.get("petitionerSeats") || undefined,
    speed: formData.get("speed") || undefined,
    // Checkboxes: "on" when ticked, absent when not.
    computerHelps: formData.get("computerHelps"),
    prologue: formData.get("prologue"),
    epilogue: formData.get("epilogue"),
    seed: formData.get("seed") ?? undefined,
  });
  if (!result.ok) return { attempt, error: result.error, values };
  redirect(`/runs/${result.runId}`);
}
