import "server-only";
import { retentionDays, soloRetentionDays } from "@/lib/config";
import { db } from "@/lib/db";
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
