"use server";

import { redirect } from "next/navigation";
import { AccessDenied, requireInstructor } from "@/lib/authz";
import { createRun } from "@/lib/runs/create-run";

export type CreateRunState = {
  formError?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
};

export async function createRunAction(_previous: CreateRunState, formData: FormData): Promise<CreateRunState> {
  const fields = ["title", "scenarioId", "procuratorSeats", "petitionerSeats", "speed"] as const;
  const values = Object.fromEntries(fields.map((f) => [f, String(formData.get(f) ?? "")]));
  let user;
  try {
    user = await requireInstructor();
  } catch (error) {
    if (error instanceof AccessDenied) return { formError: "Please sign in again to create a run.", values };
    throw error;
  }
  const result = await createRun(user, {
    title: formData.get("title"),
    scenarioId: formData.get("scenarioId"),
    // Empty number fields stay invalid rather than becoming 0.
    procuratorSeats: formData.get("procuratorSeats") || undefined,
    petitionerSeats: formData.get("petitionerSeats") || undefined,
    speed: formData.get("speed") || undefined,
  });
  if (!result.ok) return { fieldErrors: result.fieldErrors, values };
  redirect(`/runs/${result.runId}`);
}
