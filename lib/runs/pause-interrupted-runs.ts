import "server-only";
import type { PrismaClient } from "@/.generated/prisma/client";
import { db } from "@/lib/db";
import { writeChange } from "./store";

/**
 * At server start: a run left "running" was interrupted by the restart. It
 * resumes paused at the simulated time it had reached (its clock never
 * advanced while the server was down), and the log says why.
 */
export async function pauseInterruptedRuns(database: PrismaClient = db): Promise<number> {
  const running = await database.run.findMany({
    where: { status: "running" },
    select: { id: true, version: true, seq: true, simDay: true },
  });
  let paused = 0;
  for (const run of running) {
    // Straight to the row and the log: resuming the world here would replay runs for nothing at start-up.
    const wrote = await database.$transaction((tx) =>
      writeChange(
        tx,
        run,
        { status: "paused", anchorAt: null },
        [{ type: "run.pause", actor: "system", payload: { reason: "restart" } }],
        new Date(),
      ),
    );
    if (wrote) paused++; // else it changed meanwhile: it is being served, so it was not interrupted
  }
  return paused;
}
