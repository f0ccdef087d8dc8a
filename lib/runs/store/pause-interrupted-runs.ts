import "server-only";
import type { PrismaClient } from "@/.generated/prisma/client";
import { db } from "@/lib/db";
import { checkLogEntry } from "./log-entry";
import { writeChange } from "./store";

/**
 * Runs another instance may be serving: with several instances (PostgreSQL),
 * a run whose row changed within this time has its clock moved by whoever
 * watches it (every tick while anyone does), so this instance's start did not
 * interrupt it.
 */
export const SERVED_WITHIN_MS = 60_000;

/**
 * At server start: a run left "running" was interrupted by the restart. It
 * resumes paused at the simulated time it had reached (its clock never
 * advanced while the server was down), and the log says why. With several
 * instances (`servedWithinMs`), only runs nobody has served lately count as
 * interrupted: one instance restarting must not pause the others' classes.
 */
export async function pauseInterruptedRuns(
  database: PrismaClient = db,
  { servedWithinMs = 0, now = Date.now() }: { servedWithinMs?: number; now?: number } = {},
): Promise<number> {
  const running = await database.run.findMany({
    where: {
      status: "running",
      ...(servedWithinMs > 0 ? { updatedAt: { lt: new Date(now - servedWithinMs) } } : {}),
    },
    select: { id: true, version: true, seq: true, simDay: true },
  });
  let paused = 0;
  for (const run of running) {
    // Straight to the row and the log: resuming the world here would replay runs for nothing at start-up.
    const wrote = await database.$transaction((tx) =>
      writeChange(
        tx,
        run,
        { status: "paused", anchorAt: null, restartPause: true },
        [checkLogEntry({ type: "run.pause", actor: "system", payload: { reason: "restart" } })],
        new Date(),
      ),
    );
    if (wrote) paused++; // else it changed meanwhile: it is being served, so it was not interrupted
  }
  return paused;
}
