import "server-only";
import { db } from "@/lib/db";
import { fail, type Result } from "@/lib/failure";
import { newSeatToken } from "@/lib/runs/codes";
import { isCrowded } from "@/lib/attempt-lanes";
import { limitJoinAttempts, TOO_MANY_JOINING_AT_ONCE, type JoinAttemptOutcome } from "./join-rate-limit";
import { SEAT_HELD_FOR_MS } from "@/lib/runs/policy";
import { invalidForm, runForCode, unknownCode } from "./run-for-code";
import { runStore } from "@/lib/runs/store/store";
import { rejoinSchema } from "@/lib/runs/validation";
import { REMOVED_SEAT } from "./seat-controls";

/** Refusals: `invalid`, `rateLimited` (a flood already waiting from this address), `notFound` (no such class or seat), `held` (open in another browser). */
export type RejoinResult = Result<{ runId: string; seatId: string; token: string }>;

const UNKNOWN_SEAT = "No seat in this class has that rejoin code. Check the code you wrote down, or ask your teacher.";

/**
 * Returns a student to their seat on this or another browser. If another
 * browser is using the seat right now, the student is told and must confirm
 * (`takeOver`); the other browser is then told the seat moved.
 */
export async function rejoinSeat(raw: unknown, clientAddress: string): Promise<RejoinResult> {
  const now = () => runStore.nowMs();
  const parsed = rejoinSchema.safeParse(raw);
  if (!parsed.success) return invalidForm(parsed.error);
  const { code, rejoinCode, takeOver } = parsed.data;
  const result = await limitJoinAttempts(clientAddress, async (): Promise<RejoinResult & JoinAttemptOutcome> => {
    const run = await runForCode(code);
    if (!run) return unknownCode();
    const seat = await db.seat.findUnique({
      where: { runId_rejoinCode: { runId: run.id, rejoinCode } },
      select: { id: true, number: true, lastSeenAt: true, removedAt: true },
    });
    if (!seat) return { ...fail("notFound", UNKNOWN_SEAT, { rejoinCode: UNKNOWN_SEAT }), failed: true, runId: run.id };
    // A removed seat's code is right but opens nothing: said plainly, not counted as a guess.
    if (seat.removedAt) return fail("forbidden", REMOVED_SEAT, { rejoinCode: REMOVED_SEAT });
    const idleMs = now() - seat.lastSeenAt.getTime();
    if (!takeOver && idleMs < SEAT_HELD_FOR_MS) {
      const seconds = Math.max(1, Math.round(idleMs / 1000));
      const open = `Seat ${seat.number} is open in another browser right now (active ${seconds} s ago).`;
      // Someone playing alone has no teacher to tell: moving the seat here is how they take it back.
      const notYou =
        run.ownerId === null
          ? "If that is not you, someone else has your resume link: move the seat here and the other browser will stop."
          : "If that is not you, tell your teacher. If it is, you can move the seat here: the other browser will stop.";
      return fail("held", `${open} ${notYou}`);
    }
    const { token, hash } = newSeatToken();
    await runStore.withRun(run.id, (s) =>
      s.commit({
        entries: [{ type: "seat.rejoin", actor: `seat:${seat.number}`, payload: { takeOver } }],
        also: async (tx) => {
          await tx.seat.update({
            where: { id: seat.id },
            data: { holderHash: hash, heldSince: new Date(now()), lastSeenAt: new Date(now()) },
          });
        },
      }),
    );
    return { ok: true, runId: run.id, seatId: seat.id, token };
  });
  if (isCrowded(result)) return fail("rateLimited", TOO_MANY_JOINING_AT_ONCE);
  return result;
}
