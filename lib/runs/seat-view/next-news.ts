import { World } from "@/lib/sim/engine";
import type { Scenario } from "@/lib/sim/scenario-schema";
import type { SeatRole } from "@/lib/runs/deal-cases";
import { petitionerCaseKey } from "./views";

/**
 * What a seat would notice on its cases, as a key: for a petitioner, what they
 * can know (the key their desk's live updates use: a reply, a decision, the
 * chance to ask for the spravka — never a hidden move); for a procurator, any
 * change to a file on the desk (not its hours, which renew every day).
 */
function noticeKey(world: World, role: SeatRole, caseIndexes: readonly number[]): string {
  return caseIndexes.map((i) => (role === "procurator" ? world.caseVersion(i) : petitionerCaseKey(world, i))).join("|");
}

/**
 * The first whole day after today, up to `lastDay`, on which the seat would
 * notice something new on its cases, or null if nothing comes before then.
 * Worked out on a copy of the world, so asking changes nothing: the run then
 * moves its clock to that day like any other jump, and a replay of its log
 * gives the same day.
 */
export function nextNoticeableDay(
  world: World,
  scenario: Scenario,
  role: SeatRole,
  caseIndexes: readonly number[],
  lastDay: number,
): number | null {
  if (caseIndexes.length === 0) return null;
  const copy = World.resume(scenario, world.save());
  const before = noticeKey(copy, role, caseIndexes);
  for (let day = Math.floor(copy.now) + 1; day <= lastDay; day++) {
    copy.advanceTo(day);
    if (noticeKey(copy, role, caseIndexes) !== before) return day;
  }
  return null;
}
