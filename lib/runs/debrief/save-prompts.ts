import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/authz";
import { db } from "@/lib/db";
import { fail, type Result } from "@/lib/failure";
import { RUN_NOT_FOUND } from "@/lib/runs/console/control-run";
import { cleanFreeText } from "@/lib/text";
import { PROMPTS_MAX } from "./prompts";

const promptsSchema = z
  .string({ error: "Write the prompts, one per line." })
  .max(PROMPTS_MAX, `Keep the prompts to ${PROMPTS_MAX.toLocaleString("en")} characters.`)
  .transform(cleanFreeText);

/** The owner rewrites the run's discussion prompts (one per line); an empty text brings back the defaults. */
export async function saveDebriefPrompts(user: SessionUser, runId: string, text: unknown): Promise<Result> {
  const parsed = promptsSchema.safeParse(text);
  if (!parsed.success) return fail("invalid", parsed.error.issues[0]!.message);
  const { count } = await db.run.updateMany({
    where: { id: runId, ownerId: user.id },
    data: { debriefPrompts: parsed.data === "" ? null : parsed.data },
  });
  return count === 1 ? { ok: true } : fail("notFound", RUN_NOT_FOUND);
}
