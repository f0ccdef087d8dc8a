import type { World } from "@/lib/sim/engine";
import { createRng } from "@/lib/sim/rng";
import { PROCURATOR_CASELOAD } from "./policy";

/** The roles a student's seat can have (../shared/architecture.md §3; the instructor is an account, not a seat). */
export const SEAT_ROLES = ["procurator", "petitioner"] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];

/** The run's cases in a fixed shuffled order (from the run's seed): seats are dealt from the front. */
function dealingOrder(seed: number, n: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const rng = createRng(seed, "seats");
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/** Whether a seat of this role still has something to do with the case. */
function suits(world: World, i: number, role: SeatRole): boolean {
  const { path, outcome } = world.caseState(i);
  if (outcome !== "pending") return false;
  // A petitioner starts before any letter; a procurator's file has not reached a decision yet.
  return role === "petitioner"
    ? path.startsWith("complaint.")
    : !path.startsWith("court.") && !path.startsWith("spravka.");
}

function casesPerSeat(role: SeatRole): number {
  return role === "procurator" ? PROCURATOR_CASELOAD : 1;
}

/** Whether a caseload has enough cases for these seats. */
export function seatsFit(cases: number, procurators: number, petitioners: number): boolean {
  return procurators * casesPerSeat("procurator") + petitioners * casesPerSeat("petitioner") <= cases;
}

/**
 * Picks cases for new seats: the first undealt cases in the run's order that
 * still suit the role, then any undealt ones. Deterministic for a given
 * world and set of dealt cases.
 */
export function dealCases(
  world: World,
  seed: number,
  taken: ReadonlySet<number>,
  roles: readonly SeatRole[],
): number[][] {
  const order = dealingOrder(seed, world.caseCount);
  const used = new Set(taken);
  return roles.map((role) => {
    const want = casesPerSeat(role);
    const picked: number[] = [];
    for (const strict of [true, false]) {
      for (const i of order) {
        if (picked.length >= want) break;
        if (!used.has(i) && (!strict || suits(world, i, role))) {
          picked.push(i);
          used.add(i);
        }
      }
    }
    return picked;
  });
}
