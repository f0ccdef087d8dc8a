import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { fail, type Result } from "@/lib/failure";
import { getSeatAccess, SEAT_ACCESS_MESSAGES } from "@/lib/runs/seats/seat-access";
import { ReplayedRequest, RunBusy, RunNotFound, runStore } from "@/lib/runs/store/store";
import { campStatus, fileLabel } from "./camp-views";

/** What a seat of a 1945 camp run asks: a clerk checks a file; a prisoner signs their determination. */
export const campActionSchema = z.discriminatedUnion("action", [
  z.strictObject({
    requestId: z.string().min(8).max(100),
    action: z.literal("check"),
    file: z.number().int().nonnegative(),
    thorough: z.boolean(),
  }),
  z.strictObject({ requestId: z.string().min(8).max(100), action: z.literal("sign") }),
]);

/** Refusals: `invalid`, `forbidden` (no seat here, or not this seat's to do), `notFound` (the run is no camp), `notLive`,  `refused` (the camp says no, with why), `replayed`, `busy`. */
export type CampActResult = Result<{ message: string }>;

/**
 * A seat acts in its camp. Every check is here, on the server: the seat is
 * this browser's, a clerk checks files and a prisoner signs only their own
 * determination, the run is running, and the camp accepts it (asked before
 * anything is written, so the log only holds what replays).
 */
export async function actInCamp(runId: string, seatCookie: string | undefined, raw: unknown): Promise<CampActResult> {
  const parsed = campActionSchema.safeParse(raw);
  if (!parsed.success) return fail("invalid", "That action is not one a seat can take.");
  const input = parsed.data;
  const access = await getSeatAccess(runId, seatCookie);
  if (access.status !== "ok") return fail("forbidden", SEAT_ACCESS_MESSAGES[access.status]);
  const seat = access.seat;
  try {
    return await runStore.withRun(runId, async (s): Promise<CampActResult> => {
      if (s.engine.kind !== "camp") return fail("notFound", "This class does not play the 1945 camp.");
      const { camp } = s.engine;
      if (s.run.status !== "running") {
        return fail(
          "notLive",
          s.run.status === "paused" ? "The clock is paused: wait until it runs again." : "The camp is not open now.",
        );
      }
      const actor = `seat:${seat.number}`;
      if (input.action === "check") {
        if (seat.role !== "procurator") return fail("forbidden", "Only a records clerk checks release files.");
        const verdict = camp.canCheckFile(seat.number, input.file);
        if (!verdict.ok) return fail("refused", verdict.reason);
        await s.commit({
          entries: [
            {
              type: "amnesty.check",
              actor,
              caseIndex: input.file,
              payload: { seat: seat.number, thorough: input.thorough },
              requestId: input.requestId,
            },
          ],
        });
        const after = camp.prisoner(input.file).state;
        const outcome =
          after === "excludedAsRecidivist"
            ? "earlier convictions found: left out of the amnesty as a recidivist."
            : "checked; the determination goes to the prisoner to sign.";
        return { ok: true, message: `${fileLabel(input.file)}: ${outcome}` };
      }
      if (seat.role !== "petitioner") return fail("forbidden", "Only the prisoner signs their own determination.");
      const own = await db.seatCase.findFirst({ where: { runId, seatId: seat.id }, select: { caseIndex: true } });
      if (!own) return fail("refused", "You have not been given a prisoner yet: wait for the clock to start.");
      const verdict = camp.canSign(own.caseIndex);
      if (!verdict.ok) return fail("refused", verdict.reason);
      await s.commit({
        entries: [
          {
            type: "amnesty.sign",
            actor,
            caseIndex: own.caseIndex,
            payload: { seat: seat.number },
            requestId: input.requestId,
          },
        ],
      });
      return { ok: true, message: `Signed. ${campStatus(camp.prisoner(own.caseIndex).state).text}` };
    });
  } catch (error) {
    if (error instanceof RunNotFound) return fail("forbidden", SEAT_ACCESS_MESSAGES.none);
    if (error instanceof ReplayedRequest) return fail("replayed", "That was already done.");
    if (error instanceof RunBusy) return fail("busy", error.message);
    throw error;
  }
}
