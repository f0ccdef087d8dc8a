/**
 * Runs once when a server process starts (Next.js instrumentation hook): runs
 * that were live when the previous process stopped resume paused where their
 * clock had reached (ADR 0008) — on PostgreSQL, where other instances may be
 * serving them, only runs nobody served in the last minute (ADR 0013) — and
 * runs past their retention period are deleted with everything in them, at
 * the start and every few hours after.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { pauseInterruptedRuns, SERVED_WITHIN_MS } = await import("@/lib/runs/store/pause-interrupted-runs");
  const { databaseKind } = await import("@/lib/config");
  const paused = await pauseInterruptedRuns(undefined, {
    servedWithinMs: databaseKind() === "postgresql" ? SERVED_WITHIN_MS : 0,
  });
  if (paused > 0)
    console.log(`Spravka: ${paused} run(s) interrupted by the restart are paused; resume them from the console.`);
  const { purgeExpiredRuns } = await import("@/lib/runs/store/retention");
  const purge = async () => {
    const purged = await purgeExpiredRuns();
    if (purged > 0) console.log(`Spravka: ${purged} expired run(s) deleted (see SPRAVKA_RETENTION_DAYS).`);
  };
  await purge();
  // A server may stay up for months: without this, abandoned self-guided runs would outlive their
  // retention period until the next restart. Unref'd, so the timer never keeps a stopping process alive.
  setInterval(() => {
    purge().catch((error: unknown) => console.error("Spravka: deleting expired runs failed:", error));
  }, PURGE_EVERY_MS).unref();
}

/** How often a running server deletes expired runs, besides at its start. */
const PURGE_EVERY_MS = 6 * 60 * 60 * 1000;
