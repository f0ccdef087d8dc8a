import type { World } from "@/lib/sim/engine";
import { backlogOf, dealSeats, preparedFilesOf, type Dealt, type SeatRole } from "@/lib/runs/deal-cases";
import type { NewLogEntry } from "@/lib/runs/store/log-entry";

/**
 * The cases dealt when a run starts, and the log entries that deal them:
 * the seats' cases, the complaints registered before the commission sat on
 * the procurators' desks (backlogOf), and, when someone plays alone, one
 * file on their desk made ready before the commission sat (preparedFilesOf),
 * so a procurator alone has a file to read from the first day instead of
 * waiting weeks for the camps' lists. A class keeps its desks as they were:
 * its procurators have classmates' letters coming, and a teacher who can
 * move the clock. Reads the world only: the store applies the entries.
 */
export function dealAtStart(
  world: World,
  {
    seed,
    seats,
    deskFiles,
    solo,
  }: {
    seed: number;
    seats: readonly { key: string; role: SeatRole }[];
    /** files on each procurator's desk (the run's deskFiles) */
    deskFiles: number;
    /** a self-guided run: one seat, no owner */
    solo: boolean;
  },
): { dealt: Dealt[]; entries: NewLogEntry[] } {
  const dealt = dealSeats(world, seed, [], seats, deskFiles);
  const entries: NewLogEntry[] = [];
  const cases = dealt.map((d): [number, SeatRole] => [d.caseIndex, d.role]);
  if (cases.length > 0) entries.push({ type: "seats.deal", actor: "system", payload: { cases } });
  const backlog = backlogOf(world, dealt, new Set());
  if (backlog.length > 0) entries.push({ type: "district.backlog", actor: "system", payload: { cases: backlog } });
  const prepared = solo ? preparedFilesOf(world, dealt, new Set()) : [];
  if (prepared.length > 0) entries.push({ type: "district.prepared", actor: "system", payload: { cases: prepared } });
  return { dealt, entries };
}
