import { AmnestyWorld } from "@/lib/sim/amnesty/engine";
import type { AmnestyScenario } from "@/lib/sim/amnesty/scenario";
import type { LogVariant } from "@/lib/runs/store/log-entry";
import type { SeatRole } from "@/lib/runs/deal-cases";
import { campPrisoners } from "./camp-scenario";

/*
 * The 1945 camp a class run plays (ADR 0024), built from the run's row and
 * brought up to date by replaying its log: a camp of a few thousand
 * prisoners replays in milliseconds, so it keeps no checkpoint.
 *
 * Seat roles are the two parts every run has: the desk that works through
 * files ("procurator" in the 1954–55 review, here the records clerk) and the
 * person waiting ("petitioner", here the prisoner). `campRoleName` says
 * which is which for people.
 */

export type CampRunRow = { seed: number; computerHelps: boolean };

/**
 * A fresh camp for the run. The class is its records department once a
 * clerk sits (the seats' log entries say when); `computerHelps` is fixed
 * when a camp run is created, so every replay builds the same camp.
 */
export function newCamp(scenario: AmnestyScenario, run: CampRunRow): AmnestyWorld {
  return new AmnestyWorld(scenario, run.seed, { cases: campPrisoners(scenario), computerHelps: run.computerHelps });
}

/**
 * Replays one logged entry on the camp. Only seats joining, being dealt a
 * prisoner or removed, and their checks and signatures change it; the
 * clock's and the room's entries changed only the run row.
 */
export function applyToCamp(camp: AmnestyWorld, entry: LogVariant): void {
  switch (entry.type) {
    case "seat.join":
    case "seat.reassign":
      if (entry.payload.role === "procurator") camp.addClerk(entry.payload.number);
      else camp.removeClerk(entry.payload.number);
      return;
    case "seats.deal":
      // A prisoner a student plays signs their own determination.
      for (const [i, role] of entry.payload.cases) if (role === "petitioner") camp.seatPrisoner(i, true);
      return;
    case "seat.remove":
      camp.removeClerk(entry.payload.number);
      for (const [i, role] of entry.payload.cases) if (role === "petitioner") camp.seatPrisoner(i, false);
      return;
    case "amnesty.check": {
      const verdict = camp.checkFile(entry.payload.seat, entry.caseIndex, entry.payload.thorough);
      // The store checks an action against the camp before logging it, so a replay cannot refuse it.
      if (!verdict.ok) throw new Error(`Replay diverged: file ${entry.caseIndex} refused a check (${verdict.reason}).`);
      return;
    }
    case "amnesty.sign": {
      const verdict = camp.sign(entry.caseIndex);
      if (!verdict.ok)
        throw new Error(`Replay diverged: prisoner ${entry.caseIndex} could not sign (${verdict.reason}).`);
      return;
    }
    default:
      return;
  }
}

/** What each seat role is called in a camp run. */
export function campRoleName(role: SeatRole): string {
  return role === "procurator" ? "Records clerk" : "Prisoner";
}

/**
 * The kinds of prisoner a class meets, dealt in turn to its prisoner seats:
 * one the decree frees (the commonest), one it leaves in the camp (a
 * counter-revolutionary with a long term), one whose term it halves.
 */
const PRISONER_KINDS = ["freed", "notCovered", "halved", "freed"] as const;

function kindOf(camp: AmnestyWorld, i: number): (typeof PRISONER_KINDS)[number] | null {
  const p = camp.prisoner(i);
  if (p.state === "awaitingFileCheck") return "freed";
  if (p.state === "awaitingRecalculation") return "halved";
  if (p.state === "notCovered" && p.offence === "counterRevolution") return "notCovered";
  return null;
}

/**
 * The prisoner for the `k`-th prisoner seat (0-based), not one already
 * seated: the seat's kind in turn, from a place in the camp fixed by the
 * run's seed and k (no randomness here: a replay deals the same). Null if
 * no prisoner of any kind is left.
 */
export function prisonerForSeat(
  camp: AmnestyWorld,
  seed: number,
  k: number,
  seated: ReadonlySet<number>,
): number | null {
  const n = camp.held;
  // A multiplicative hash spreads the starting places over the camp.
  const start = (Math.imul(seed + 1, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b)) >>> 0;
  const wanted = PRISONER_KINDS[k % PRISONER_KINDS.length]!;
  for (const accept of [(i: number) => kindOf(camp, i) === wanted, (i: number) => kindOf(camp, i) !== null]) {
    for (let step = 0; step < n; step++) {
      const i = (start + step) % n;
      if (!seated.has(i) && accept(i)) return i;
    }
  }
  return null;
}

/**
 * Deals the prisoner seats among `seats` (in seat order) one prisoner each,
 * after the prisoners `alreadySeated`: the k-th prisoner seat of the run
 * gets prisonerForSeat(k), whenever it joins.
 */
export function dealPrisoners(
  camp: AmnestyWorld,
  seed: number,
  alreadySeated: ReadonlySet<number>,
  seats: readonly { id: string; role: SeatRole }[],
): { seatId: string; caseIndex: number }[] {
  const seated = new Set(alreadySeated);
  const out: { seatId: string; caseIndex: number }[] = [];
  for (const seat of seats) {
    if (seat.role !== "petitioner") continue;
    const i = prisonerForSeat(camp, seed, seated.size, seated);
    if (i === null) break;
    seated.add(i);
    out.push({ seatId: seat.id, caseIndex: i });
  }
  return out;
}
