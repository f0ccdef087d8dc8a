import "server-only";
import type { SessionUser } from "@/lib/authz";
import { db } from "@/lib/db";

/** Whether the user owns the run: false for someone else's run and for a run that does not exist. */
export async function isRunOwner(user: SessionUser, runId: string): Promise<boolean> {
  return (await db.run.count({ where: { id: runId, ownerId: user.id } })) === 1;
}
