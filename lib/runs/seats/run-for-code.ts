import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { fail } from "@/lib/failure";
import { invalidInput } from "@/lib/form-errors";
import type { RunStatus } from "@/lib/runs/run-status";
import { withRunStatus } from "@/lib/runs/store/stored-rows";

export const UNKNOWN_CODE = "No class is using that code. Check it against the screen, or ask your teacher.";

/**
 * The run a class code opens, or null (no such code, or the run was archived and its code stopped working).
 * ownerId is null for a run someone plays alone: it has no teacher to turn to.
 */
export async function runForCode(
  code: string,
): Promise<{ id: string; status: RunStatus; ownerId: string | null } | null> {
  const row = await db.run.findUnique({
    where: { joinCode: code },
    select: { id: true, status: true, ownerId: true },
  });
  const run = row && withRunStatus(row);
  return run && run.status !== "archived" ? run : null;
}

/** The refusal for a code no run uses: a failure the join rate limit counts. */
export function unknownCode() {
  return { ...fail("notFound", UNKNOWN_CODE, { code: UNKNOWN_CODE }), failed: true };
}

/** The refusal for a join or rejoin form that did not parse: each field's message, the first one as the error. */
export function invalidForm(error: z.ZodError) {
  return { ok: false, error: invalidInput(error) } as const;
}
