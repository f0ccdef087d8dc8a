import "server-only";
import { db } from "@/lib/db";
import type { SeatRole } from "@/lib/runs/deal-cases";
import type { Change, RunSession } from "@/lib/runs/store/store";
import type { ControlInput } from "@/lib/runs/validation";

/** The teacher's controls over seats: the part of ControlInput they cover. */
export type SeatControl = Extract<ControlInput, { action: "removeSeat" | "renameSeat" | "lockJoining" }>;

/** What removing a seat does, for the console's confirmation and the seat's own page. */
export const REMOVED_SEAT =
  "Your teacher has removed this seat from the class. Its cases went back to the computer. Ask your teacher if this is a mistake.";

/**
 * Two display names a class would mix up: the same letters, ignoring case,
 * spacing and accents ("Alex", " alex ", "Álex").
 */
export function nameKey(name: string): string {
  return name.normalize("NFKD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").trim().toLocaleLowerCase("en");
}

/** A name nobody in `taken` goes by: the name itself, or the name with the first free number ("Alex 2"). */
export function freeName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map(nameKey));
  if (!used.has(nameKey(name))) return name;
  for (let k = 2; ; k++) if (!used.has(nameKey(`${name} ${k}`))) return `${name} ${k}`;
}

/**
 * The change a seat control makes, the reason it is refused, or null when
 * there is nothing to change (already so: nothing is logged). Removing a
 * seat gives the parts of cases it played back to the computer (a logged
 * entry, so replays do the same) and frees its place; its letters and log
 * entries stay. Renaming keeps the old name in the log. Locking stops new
 * seats joining; a rejoin code still opens an existing seat.
 */
export async function seatControlChange(s: RunSession, input: SeatControl): Promise<Change | string | null> {
  const { run } = s;
  if (run.status === "archived") return "This run is archived: its seats can no longer change.";
  if (input.action === "lockJoining") {
    if (run.status === "debrief") return "The run has ended: nobody can join it any more.";
    if (run.joinLocked === input.locked) return null;
    return {
      run: { joinLocked: input.locked },
      entries: [{ type: "run.joining", actor: "instructor", payload: { locked: input.locked } }],
    };
  }
  const seat = await db.seat.findFirst({ where: { id: input.seatId, runId: run.id, removedAt: null } });
  if (!seat) return "That seat is not in this run.";
  if (input.action === "renameSeat") {
    if (seat.displayName === input.name) return null;
    return {
      entries: [
        {
          type: "seat.rename",
          actor: "instructor",
          payload: { number: seat.number, from: seat.displayName, to: input.name },
        },
      ],
      also: async (tx) => {
        await tx.seat.update({ where: { id: seat.id }, data: { displayName: input.name } });
      },
    };
  }
  if (run.status === "debrief") return "The run has ended: its seats stay as they were, for the debrief.";
  const held = await db.seatCase.findMany({ where: { runId: run.id, seatId: seat.id } });
  const cases = held.map((h): [number, SeatRole] => [
    h.caseIndex,
    h.role === "procurator" ? "procurator" : "petitioner",
  ]);
  return {
    entries: [{ type: "seat.remove", actor: "instructor", payload: { number: seat.number, cases } }],
    also: async (tx) => {
      await tx.seatCase.deleteMany({ where: { runId: run.id, seatId: seat.id } });
      // No browser's token hashes to this: the seat's cookie stops working at once.
      await tx.seat.update({ where: { id: seat.id }, data: { removedAt: new Date(), holderHash: "removed" } });
    },
  };
}
