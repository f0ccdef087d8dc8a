import "server-only";
import type { PrismaClient } from "@/.generated/prisma/client";
import { db } from "@/lib/db";

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
    await database.$transaction(async (tx) => {
      const res = await tx.run.updateMany({
        where: { id: run.id, version: run.version },
        data: { status: "paused", anchorAt: null, version: run.version + 1, seq: run.seq + 1 },
      });
      if (res.count !== 1) return; // changed meanwhile: it is being served, so it was not interrupted
      await tx.runEvent.create({
        data: {
          runId: run.id,
          seq: run.seq + 1,
          simDay: run.simDay,
          actor: "system",
          type: "run.pause",
          payload: JSON.stringify({ reason: "restart" }),
        },
      });
      paused++;
    });
  }
  return paused;
}
