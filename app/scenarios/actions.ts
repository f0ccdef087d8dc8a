"use server";

import { redirect } from "next/navigation";
import { AccessDenied, requireInstructor } from "@/lib/authz";
import { failure, type FormState } from "@/lib/failure";
import { notAForm } from "@/lib/form-errors";
import { saveCustomScenario } from "@/lib/runs/store/custom-scenarios";

export type ScenarioFormState = FormState<{ values?: Record<string, string> }>;

/** Saves a teacher's scenario (validated field by field in saveCustomScenario); nothing is saved on any error. */
export async function saveScenarioAction(_previous: ScenarioFormState, formData: FormData): Promise<ScenarioFormState> {
  if (!(formData instanceof FormData)) return { error: notAForm() };
  let user;
  try {
    user = await requireInstructor();
  } catch (error) {
    if (error instanceof AccessDenied) return { error: failure(error.reason, "Please sign in again.") };
    throw error;
  }
  const raw = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")) as Record<
    string,
    string
  >;
  const result = await saveCustomScenario(user, raw);
  if (!result.ok) return { error: result.error, values: raw };
  redirect(`/scenarios?saved=${result.id}`);
}
