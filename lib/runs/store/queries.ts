import "server-only";
import type { ClassmateLetter } from "@/lib/runs/seat-view/inbox";
import type { SessionUser } from "@/lib/authz";
import { db } from "@/lib/db";
import { withRunStatus, withSeatRole } from "./stored-rows";

/** The instructor's runs, newest first, with how many students joined. */
export async function listRunsForOwner(user: SessionUser) {
  const runs = await db.run.findMany({
    where: { ownerId: user.id },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      scenarioId: true,
      scenarioJson: true,
      status: true,
      joinCode: true,
      simDay: true,
      createdAt: true,
      _count: { select: { seats: true } },
    },
  });
  return runs.map(withRunStatus);
}

/** One of the instructor's runs with its seats, or null (also for someone else's run). */
export async function getRunForOwner(user: SessionUser, runId: string) {
  const run = await db.run.findFirst({
    where: { id: runId, ownerId: user.id },
    include: {
      seats: {
        orderBy: { number: "asc" },
        select: {
          id: true,
          number: true,
          role: true,
          displayName: true,
          lastSeenAt: true,
          rejoinCode: true,
          removedAt: true,
        },
      },
    },
  });
  return run ? { ...withRunStatus(run), seats: run.seats.map((seat) => withSeatRole(seat, run.id)) } : null;
}

/** The case indexes on a seat's desk. */
export async function seatCaseIndexes(seatId: string): Promise<number[]> {
  const rows = await db.seatCase.findMany({ where: { seatId }, select: { caseIndex: true } });
  return rows.map((r) => r.caseIndex);
}

/** Every case a student holds in the run, as petitioner or procurator (the class's cases). */
export async function classCases(runId: string): Promise<number[]> {
  const rows = await db.seatCase.findMany({ where: { runId }, select: { caseIndex: true }, distinct: ["caseIndex"] });
  return rows.map((r) => r.caseIndex).sort((a, b) => a - b);
}

/** The class's district: the cases on student procurators' desks (empty without procurator seats). */
export async function districtCases(runId: string): Promise<Set<number>> {
  const rows = await db.seatCase.findMany({ where: { runId, role: "procurator" }, select: { caseIndex: true } });
  return new Set(rows.map((r) => r.caseIndex));
}

/**
 * Letters about some of a run's cases (every case when `caseIndexes` is left
 * out), oldest first, as a procurator's inbox reads them
 * (lib/runs/seat-view/inbox.ts), with the writer's seat number so a caller
 * can keep only a desk's classmates' letters (`lettersToDesk`).
 */
export async function lettersAboutCases(runId: string, caseIndexes?: readonly number[]): Promise<ClassmateLetter[]> {
  if (caseIndexes?.length === 0) return [];
  const rows = await db.letter.findMany({
    where: { runId, ...(caseIndexes ? { caseIndex: { in: [...caseIndexes] } } : {}) },
    orderBy: { createdAt: "asc" },
    select: { caseIndex: true, body: true, simDay: true, seat: { select: { number: true } } },
  });
  return rows.map((l) => ({ caseIndex: l.caseIndex, body: l.body, simDay: l.simDay, seatNumber: l.seat.number }));
}

/** Letters by the case they are about, each with its place among them all (oldest first). */
export type LettersByCase = ReadonlyMap<number, readonly { rank: number; letter: ClassmateLetter }[]>;

/**
 * Groups letters (oldest first) by case, so that choosing the letters of
 * every desk in a class reads only each desk's cases, not every letter once
 * per desk.
 */
export function lettersByCase(letters: readonly ClassmateLetter[]): LettersByCase {
  const byCase = new Map<number, { rank: number; letter: ClassmateLetter }[]>();
  letters.forEach((letter, rank) => {
    const group = byCase.get(letter.caseIndex);
    if (group) group.push({ rank, letter });
    else byCase.set(letter.caseIndex, [{ rank, letter }]);
  });
  return byCase;
}

/**
 * The letters a procurator's desk may read: about its own cases, written by
 * someone else (a classmate), oldest first. Give many desks' letters as
 * grouped once by lettersByCase.
 */
export function lettersToDesk(
  letters: readonly ClassmateLetter[] | LettersByCase,
  desk: { seatNumber: number; cases: readonly number[] },
): ClassmateLetter[] {
  const byCase = Array.isArray(letters) ? lettersByCase(letters) : (letters as LettersByCase);
  const chosen: { rank: number; letter: ClassmateLetter }[] = [];
  for (const i of new Set(desk.cases)) {
    for (const entry of byCase.get(i) ?? []) if (entry.letter.seatNumber !== desk.seatNumber) chosen.push(entry);
  }
  return chosen.sort((a, b) => a.rank - b.rank).map((entry) => entry.letter);
}
