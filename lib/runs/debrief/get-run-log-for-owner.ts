import "server-only";
import type { SessionUser } from "@/lib/authz";
import { db } from "@/lib/db";
import type { ReplayEntry } from "@/lib/runs/history/history";
import { parseLogEntry } from "@/lib/runs/store/log-entry";

/**
 * The run's whole event log, oldest first and parsed, as a replay reads it
 * (the debrief's what-if). Empty for a run the user does not own, as for one
 * that does not exist.
 */
export async function getRunLogForOwner(user: SessionUser, runId: string): Promise<ReplayEntry[]> {
  const rows = await db.runEvent.findMany({
    where: { runId, run: { ownerId: user.id } },
    orderBy: { seq: "asc" },
    select: { id: true, runId: true, seq: true, simDay: true, type: true, actor: true, caseIndex: true, payload: true },
  });
  return rows.map((row) => parseLogEntry(row));
}
