import "server-only";
import type { SessionUser } from "@/lib/authz";
import { db } from "@/lib/db";
import { caseLabel } from "@/lib/runs/case-label";
import type { SeatRole } from "@/lib/runs/deal-cases";
import { OUTCOME_LABELS } from "@/lib/labels";
import { COMPUTER_DESK, letterFates } from "@/lib/runs/seat-view/inbox";
import {
  LETTER_FIELDS,
  letterView,
  protocolView,
  type LetterView,
  type ProtocolView,
} from "@/lib/runs/seat-view/views";
import { getRunForOwner } from "@/lib/runs/store/queries";
import { isCampRun } from "@/lib/runs/camp/camp-scenario";
import { runStore } from "@/lib/runs/store/store";

/** One student's part in the lesson, in their own words: for the teacher, printable. */
export type StudentReport = {
  number: number;
  /** the display name, or "Seat N" when the teacher prints with seat labels */
  name: string;
  role: SeatRole;
  cases: { label: string; outcome: string; fates: string[] }[];
  /** a petitioner's letters, as written */
  letters: LetterView[];
  /** a procurator's decisions, with the grounds as written */
  decisions: ProtocolView[];
};

/**
 * The teacher's per-student report of a run they own (null otherwise): each
 * seat's letters and decision grounds in the student's own words, each
 * case's outcome and each letter's fate and wait. With `seatLabels`, no
 * student is named (for printing or sharing).
 */
export async function studentReport(
  user: SessionUser,
  runId: string,
  { seatLabels = false } = {},
): Promise<{ title: string; students: StudentReport[] } | null> {
  const run = await getRunForOwner(user, runId);
  // A 1945 camp run's seats have no case desks to report on (ADR 0024): its debrief shows the camp.
  if (!run || run.status === "lobby" || isCampRun(run)) return null;
  const [letters, decisions, holdings] = await Promise.all([
    db.letter.findMany({ where: { runId }, orderBy: { createdAt: "asc" }, select: { ...LETTER_FIELDS, seatId: true } }),
    db.runEvent.findMany({
      where: { runId, type: "case.act", actor: { startsWith: "seat:" } },
      orderBy: { seq: "asc" },
      select: { id: true, caseIndex: true, simDay: true, payload: true, actor: true },
    }),
    db.seatCase.findMany({ where: { runId }, select: { caseIndex: true, seatId: true, role: true } }),
  ]);
  const nameOf = (seat: { number: number; displayName: string }) =>
    seatLabels ? `Seat ${seat.number}` : seat.displayName;
  const deskOf = new Map(
    holdings
      .filter((h) => h.role === "procurator")
      .map((h) => [h.caseIndex, run.seats.find((s) => s.id === h.seatId)] as const),
  );
  return runStore.read(runId, (_run, world, scenario) => ({
    title: run.title,
    students: run.seats.map((seat) => {
      const mine = holdings.filter((h) => h.seatId === seat.id && h.role === seat.role).map((h) => h.caseIndex);
      return {
        number: seat.number,
        name: nameOf(seat),
        role: seat.role,
        cases: mine
          .sort((a, b) => a - b)
          .map((i) => {
            const holder = deskOf.get(i);
            const desk = holder ? `${nameOf(holder)}'s desk` : COMPUTER_DESK;
            return {
              label: caseLabel(i),
              outcome: OUTCOME_LABELS[world.caseState(i).outcome],
              fates:
                seat.role === "petitioner"
                  ? letterFates(world.caseHistory(i), world.now, desk, scenario.startDate)
                  : [],
            };
          }),
        letters: letters.filter((l) => l.seatId === seat.id).map((l) => letterView(l, scenario.startDate)),
        decisions: decisions
          .filter((d) => d.actor === `seat:${seat.number}`)
          .map((d) => protocolView(d, world))
          .filter((p) => p !== null),
      };
    }),
  }));
}
