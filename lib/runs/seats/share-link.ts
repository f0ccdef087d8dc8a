import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { fail, type Result } from "@/lib/failure";
import { isCampRun } from "@/lib/runs/camp/camp-scenario";
import { getSeatAccess, SEAT_ACCESS_MESSAGES } from "./seat-access";

/** A share link's token: 24 random bytes, URL-safe (never the rejoin code, never the seat's token). */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export const shareRequestSchema = z
  .object({
    /** make the link (or get the one already made), or withdraw it: the old address stops working */
    action: z.enum(["create", "withdraw"]),
  })
  .strict();

export type ShareRequest = z.input<typeof shareRequestSchema>;
/** The link's token on success (null once withdrawn). */
export type ShareResult = Result<{ token: string | null }>;

/**
 * A read-only link to an ended self-guided run's debrief (/shared/<token>),
 * for the browser that holds the run's seat. The link gives no control over
 * the seat: it opens a page that shows the debrief and nothing else. One
 * link per seat, made once and given again on every later ask, so a student
 * who reloads the page gets the same address; withdrawing it ends that
 * address for good (ADR 0026).
 */
export async function shareDebrief(runId: string, seatCookie: string | undefined, raw: unknown): Promise<ShareResult> {
  const parsed = shareRequestSchema.safeParse(raw);
  if (!parsed.success) return fail("invalid", parsed.error.issues[0]?.message ?? "That request is unknown.");
  const access = await getSeatAccess(runId, seatCookie);
  if (access.status !== "ok") return fail("forbidden", SEAT_ACCESS_MESSAGES[access.status]);
  const run = await db.run.findUnique({
    where: { id: runId },
    select: { ownerId: true, status: true, scenarioId: true },
  });
  if (!run) return fail("notFound", "There is no run at this address.");
  if (run.ownerId !== null || isCampRun(run)) {
    return fail(
      "forbidden",
      "Only a review run played alone can be shared with a link; a class's runs are its teacher's.",
    );
  }
  if (run.status !== "debrief" && run.status !== "archived") {
    return fail("forbidden", "A link can be made once your run has ended: end it first.");
  }
  const seat = access.seat;
  if (parsed.data.action === "withdraw") {
    await db.seat.update({ where: { id: seat.id }, data: { shareToken: null, sharedAt: null } });
    return { ok: true, token: null };
  }
  if (seat.shareToken) return { ok: true, token: seat.shareToken };
  const token = randomBytes(24).toString("base64url");
  // Only if no link was made meanwhile (two clicks at once): then both get the first one.
  const made = await db.seat.updateMany({
    where: { id: seat.id, shareToken: null },
    data: { shareToken: token, sharedAt: new Date() },
  });
  if (made.count === 1) return { ok: true, token };
  const again = await db.seat.findUnique({ where: { id: seat.id }, select: { shareToken: true } });
  return again?.shareToken ? { ok: true, token: again.shareToken } : fail("conflict", "Try again in a moment.");
}
