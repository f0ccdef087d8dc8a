"use server";

import { isRunId } from "@/lib/runs/validation";
import { revalidatePath } from "next/cache";
import { AccessDenied, requireInstructor } from "@/lib/authz";
import { failure, type FormState } from "@/lib/failure";
import { notAForm } from "@/lib/form-errors";
import { saveDebriefPrompts } from "@/lib/runs/debrief/save-prompts";

export type PromptsState = FormState<{ saved?: number }>;

/** Saves the debrief's discussion prompts (authorized again in saveDebriefPrompts). */
export async function savePromptsAction(
  runId: unknown,
  previous: PromptsState,
  formData: FormData,
): Promise<PromptsState> {
  if (!isRunId(runId)) return { error: failure("notFound", "There is no such run.") };
  if (!(formData instanceof FormData)) return { error: notAForm() };
  let user;
  try {
    user = await requireInstructor();
  } catch (error) {
    if (error instanceof AccessDenied) return { error: failure(error.reason, "Please sign in again.") };
    throw error;
  }
  const result = await saveDebriefPrompts(user, runId, formData.get("prompts"));
  if (!result.ok) return { error: result.error };
  revalidatePath(`/runs/${runId}/debrief`);
  // The previous state is the client's too: it may be anything, null included.
  return { saved: (previous?.saved ?? 0) + 1 };
}
