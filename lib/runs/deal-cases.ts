import type { World } from "@/lib/sim/engine";
import { createRng } from "@/lib/sim/rng";

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

/**
 * Whether a caseload has enough cases for these seats, with `filesPerDesk`
 * on each procurator's desk (lib/runs/district-plan.ts). A classmate's case
 * sits on a procurator's desk too (more than the desks hold go onto them
 * as extra files), so the class needs whichever is more.
 */
export function seatsFit(cases: number, procurators: number, petitioners: number, filesPerDesk: number): boolean {
  return Math.max(procurators * filesPerDesk, petitioners) <= cases;
}

/** A seat's part in the class's cases: `key` names it for the caller (a seat id, or an index). */
export type Desk = { key: string; role: SeatRole; cases: readonly number[] };
/** One case handed to one seat for one part. */
export type Dealt = { key: string; role: SeatRole; caseIndex: number };

/**
 * Deals cases to new seats, given the seats that already hold some. The
 * class is its district's commission: the cases on student procurators'
 * desks. So every student petitioner's case sits on a student procurator's
 * desk too, where a classmate reads their letters and decides:
 *
 * - a new procurator takes `filesPerDesk` cases no procurator holds
 *   (more if need be): first its share of student petitioners' cases no desk
 *   holds yet (they joined before any procurator), then the next in order;
 * - a new petitioner takes, first, a case already on a procurator's desk
 *   that no petitioner holds (the desk with fewest classmates' cases first),
 *   otherwise the next case in order, which then also goes to the procurator
 *   desk with fewest classmates' cases.
 *
 * Procurators are dealt before petitioners. Deterministic for a given world,
 * seed and set of desks; a case suited to the role is preferred, any
 * undealt one taken if none is left.
 */
export function dealSeats(
  world: World,
  seed: number,
  desks: readonly Desk[],
  newSeats: readonly { key: string; role: SeatRole }[],
  /** files on each new procurator's desk: the run's district plan (lib/runs/district-plan.ts) */
  filesPerDesk: number,
): Dealt[] {
  const order = dealingOrder(seed, world.caseCount);
  const procuratorOf = new Map<number, string>();
  const petitionerOf = new Map<number, string>();
  const procuratorDesks: string[] = [];
  const holders = (role: SeatRole) => (role === "procurator" ? procuratorOf : petitionerOf);
  const dealt: Dealt[] = [];
  const give = (key: string, role: SeatRole, caseIndex: number) => {
    holders(role).set(caseIndex, key);
    dealt.push({ key, role, caseIndex });
  };
  for (const desk of desks) {
    if (desk.role === "procurator") procuratorDesks.push(desk.key);
    for (const i of desk.cases) holders(desk.role).set(i, desk.key);
  }
  const free = (i: number) => !procuratorOf.has(i) && !petitionerOf.has(i);
  /** The next cases in the run's order that pass `ok`, suited ones first. */
  const next = (want: number, role: SeatRole, ok: (i: number) => boolean): number[] => {
    const picked: number[] = [];
    for (const strict of [true, false]) {
      for (const i of order) {
        if (picked.length >= want) break;
        if (ok(i) && !picked.includes(i) && (!strict || suits(world, i, role))) picked.push(i);
      }
    }
    return picked;
  };
  /** The procurator desk with fewest classmates' cases (the earliest dealt, on a tie). */
  const leastLoaded = (): string | undefined => {
    const load = new Map(procuratorDesks.map((key) => [key, 0]));
    for (const i of petitionerOf.keys()) {
      const desk = procuratorOf.get(i);
      if (desk !== undefined) load.set(desk, load.get(desk)! + 1);
    }
    return procuratorDesks.reduce<string | undefined>(
      (best, key) => (best === undefined || load.get(key)! < load.get(best)! ? key : best),
      undefined,
    );
  };

  const newProcurators = newSeats.filter((s) => s.role === "procurator");
  // Classmates' cases no desk holds yet are shared out evenly among the new procurators, however many.
  const orphanShare = Math.ceil(
    [...petitionerOf.keys()].filter((i) => !procuratorOf.has(i)).length / Math.max(1, newProcurators.length),
  );
  for (const seat of [...newProcurators, ...newSeats.filter((s) => s.role === "petitioner")]) {
    if (seat.role === "procurator") {
      procuratorDesks.push(seat.key);
      const orphans = [...petitionerOf.keys()].filter((i) => !procuratorOf.has(i)).slice(0, orphanShare);
      for (const i of orphans) give(seat.key, "procurator", i);
      for (const i of next(filesPerDesk - orphans.length, "procurator", free)) {
        give(seat.key, "procurator", i);
      }
      continue;
    }
    // A petitioner: a case on the least loaded desk that no classmate petitions, else a fresh one.
    const desk = leastLoaded();
    const onDesk =
      desk === undefined ? [] : next(1, "petitioner", (i) => procuratorOf.get(i) === desk && !petitionerOf.has(i));
    const caseIndex = onDesk[0] ?? next(1, "petitioner", free)[0];
    if (caseIndex === undefined) continue; // no case left (seatsFit keeps this from happening)
    give(seat.key, "petitioner", caseIndex);
    if (!procuratorOf.has(caseIndex) && desk !== undefined) give(desk, "procurator", caseIndex);
  }
  return dealt;
}

/**
 * The cases just dealt to procurators that get a complaint registered before
 * the commission sat (World.registerEarlierComplaint): those no classmate
 * petitions (a classmate writes their own letters) and still without one.
 * So a procurator's desk has files coming from the first day.
 */
export function backlogOf(world: World, dealt: readonly Dealt[], petitioned: ReadonlySet<number>): number[] {
  const petitionedNow = new Set([
    ...petitioned,
    ...dealt.filter((d) => d.role === "petitioner").map((d) => d.caseIndex),
  ]);
  return dealt
    .filter((d) => d.role === "procurator" && !petitionedNow.has(d.caseIndex))
    .map((d) => d.caseIndex)
    .filter((i) => world.caseState(i).path === "complaint.unwritten");
}

/** Where a file waits to be read, or is being read: a desk with one has work now. */
const AT_REVIEW = new Set(["commission.readyForReview", "commission.review"]);
/** Where a file can still be made ready before the commission sits (World.prepareEarlierFile). */
const BEFORE_REVIEW = /^(complaint\.(unwritten|inTransit)|lists\.awaiting|commission\.(queued|fileAssembly\.))/;

/**
 * For each procurator desk just dealt with nothing ready to read, the one
 * file that was made ready before the commission sat
 * (World.prepareEarlierFile): a game choice, so that a procurator playing
 * alone has a file to read and decide from the first day, not weeks on.
 * The file asked for least from elsewhere is chosen (no originals from
 * Moscow, fewest checks against other cases' testimony: the least the game
 * has to assume was done before), the earliest dealt on a tie. Not a file a
 * classmate petitions in: their letters bring it up.
 */
export function preparedFilesOf(world: World, dealt: readonly Dealt[], petitioned: ReadonlySet<number>): number[] {
  const petitionedNow = new Set([
    ...petitioned,
    ...dealt.filter((d) => d.role === "petitioner").map((d) => d.caseIndex),
  ]);
  const desks = new Map<string, number[]>();
  for (const d of dealt) {
    if (d.role !== "procurator") continue;
    if (!desks.has(d.key)) desks.set(d.key, []);
    desks.get(d.key)!.push(d.caseIndex);
  }
  /** What the file still needs from elsewhere: originals weigh more than any number of checks. */
  const asks = (i: number) => {
    const file = world.caseFacts(i);
    return (file.originalsElsewhere && !file.originalsRequested ? 1000 : 0) + file.crossChecks - file.crossChecksDone;
  };
  const prepared: number[] = [];
  for (const cases of desks.values()) {
    if (cases.some((i) => AT_REVIEW.has(world.caseState(i).path))) continue;
    const candidates = cases.filter((i) => {
      const { path, outcome } = world.caseState(i);
      return outcome === "pending" && !petitionedNow.has(i) && BEFORE_REVIEW.test(path);
    });
    const best = candidates.reduce<number | undefined>(
      (b, i) => (b === undefined || asks(i) < asks(b) ? i : b),
      undefined,
    );
    if (best !== undefined) prepared.push(best);
  }
  return prepared;
}
