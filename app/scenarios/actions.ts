"use server";

import { redirect } from "next/navigation";
import { AccessDenied, requireInstructor } from "@/lib/authz";
import { NOT_A_FORM } from "@/lib/form-errors";
import { saveCustomScenario } from "@/lib/runs/custom-scenarios";

export type ScenarioFormState = {
  formError?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
};

/** Saves a teacher's scenario (validated field by field in saveCustomScenario); nothing is saved on any error. */
export async function saveScenarioAction(_previous: ScenarioFormState, formData: FormData): Promise<ScenarioFormState> {
  if (!(formData instanceof FormData)) return { formError: NOT_A_FORM };
  let user;
  try {
    user = await requireInstructor();
  } catch (error) {
    if (error instanceof AccessDenied) return { formError: "Please sign in again." };
    throw error;
  }
  const raw = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")) as Record<
    string,
    string
  >;
  const result = await saveCustomScenario(user, raw);
  if (!result.ok) return { formError: result.error, fieldErrors: result.fieldErrors, values: raw };
  redirect(`/scenarios?saved=${result.id}`);
}
