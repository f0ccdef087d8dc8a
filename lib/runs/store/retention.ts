import "server-only";
import { retentionDays, soloRetentionDays } from "@/lib/config";
import { db } from "@/lib/db";
import { MAX_SOLO_RUNS, SOLO_EVICT_IDLE_MS } from "@/lib/runs/policy";
import { runStore } from "./store";

const DAY_MS = 86_400_000;

/**
 * Deletes, with everything in them (seats, letters, the log), class runs
 * archived more than `archivedDays` ago and self-guided runs last played more
 * than `soloDays` ago. Runs at every server start. Returns how many went.
 */
export async function purgeExpiredRuns(
  nowMs = Date.now(),
  { archivedDays = retentionDays(), soloDays = soloRetentionDays() } = {},
): Promise<number> {
  const expired = await db.run.findMany({
    where: {
      OR: [
        { status: "archived", archivedAt: { lt: new Date(nowMs - archivedDays * DAY_MS) } },
        { ownerId: null, updatedAt: { lt: new Date(nowMs - soloDays * DAY_MS) } },
      ],
    },
    select: { id: true },
  });
  if (expired.length === 0) return 0;
  const { count } = await db.run.deleteMany({ where: { id: { in: expired.map((r) => r.id) } } });
  for (const { id } of expired) runStore.forget(id);
  return count;
}

/**
 * Makes room for one more self-guided run under MAX_SOLO_RUNS by deleting
 * the least recently played ones, never one played within `idleMs`. False
 * when there is no such run to delete: every kept run is being played, and a
 * new one must wait. Deleting the longest idle rather than refusing new
 * starts means a flood of abandoned runs cannot lock visitors out until the
 * retention period ends.
 */
export async function makeRoomForSoloRun(
  nowMs = Date.now(),
  { max = MAX_SOLO_RUNS, idleMs = SOLO_EVICT_IDLE_MS } = {},
): Promise<boolean> {
  const excess = (await db.run.count({ where: { ownerId: null } })) - max + 1;
  if (excess <= 0) return true;
  const idle = await db.run.findMany({
    where: { ownerId: null, updatedAt: { lt: new Date(nowMs - idleMs) } },
    orderBy: { updatedAt: "asc" },
    take: excess,
    select: { id: true },
  });
  if (idle.length > 0) {
    await db.run.deleteMany({ where: { id: { in: idle.map((r) => r.id) }, ownerId: null } });
    for (const { id } of idle) runStore.forget(id);
  }
  return idle.length === excess;
}
