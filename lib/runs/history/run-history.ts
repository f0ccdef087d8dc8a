import "server-only";
import { db } from "@/lib/db";
import type { Scenario } from "@/lib/sim/scenario-schema";
import { runStore, type Run } from "@/lib/runs/store/store";
import { RunReplay, type ReplayEntry, type RunHistory } from "./history";
import { parseLogEntry } from "@/lib/runs/store/log-entry";

/** Replays kept per process, carried on as each run goes on (see RunReplay.extend). */
const cache = new Map<string, RunReplay>();
const MAX_CACHED = 8;

/**
 * The run's history up to its clock now (see RunReplay). Callers check the
 * owner first; this reads whatever run it is given. The history is shared:
 * read it, never change it.
 */
export async function loadRunHistory(
  runId: string,
  /** the run as the caller just read it, so the history stops where the caller's figures do (one read, not two) */
  at?: { run: Run; scenario: Scenario },
): Promise<RunHistory> {
  const { run, scenario } = at ?? (await runStore.read(runId, (run, _world, scenario) => ({ run, scenario })));
  let replay = cache.get(runId);
  // A run's log only grows and its clock only moves on; anything else (a deleted and reused id) starts afresh.
  if (!replay || replay.seq > run.seq || replay.simDay > run.simDay) replay = new RunReplay(scenario, run.seed);
  cache.delete(runId);
  cache.set(runId, replay);
  for (const old of cache.keys()) {
    if (cache.size <= MAX_CACHED) break;
    cache.delete(old);
  }
  if (replay.seq === run.seq && replay.simDay === run.simDay) return replay;
  return replay.extend(await readRunLog(runId, { after: replay.seq, upTo: run.seq }), run.simDay);
}

/**
 * A run's log entries in order, parsed (after seq `after`, up to `upTo`, when
 * given). Callers check the owner first. An entry that does not fit its type
 * is an error naming it (StoredDataError), never skipped.
 */
export async function readRunLog(runId: string, { after = 0, upTo }: { after?: number; upTo?: number } = {}) {
  const rows = await db.runEvent.findMany({
    where: { runId, seq: { gt: after, ...(upTo !== undefined ? { lte: upTo } : {}) } },
    orderBy: { seq: "asc" },
    select: { id: true, runId: true, seq: true, simDay: true, type: true, actor: true, caseIndex: true, payload: true },
  });
  return rows.map((row): ReplayEntry & { id: number } => parseLogEntry(row));
}
