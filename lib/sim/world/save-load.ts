/**
 * Saving and resuming a run: SavedWorld is everything needed to go on
 * exactly where a run stopped, as plain JSON (the interactive driver stores
 * it as a checkpoint, ADR 0008). Case states are stored by path and context,
 * never by the stepper's process-local ids; a run saved by other machines or
 * for other scenario settings is refused, never restored blindly.
 *
 * Separate from the core because the saved format is a contract with stored
 * data: every field of WorldCore that a run needs to continue must appear
 * both in saveWorld and loadWorld, and reading the two side by side is how
 * that is checked. Internal to lib/sim/world/: World.save() and
 * World.resume() are the public face.
 */
import { CASE_MACHINE_VERSION, type CaseContext } from "@/machines/case-setup";
import { snap } from "@/lib/sim/case-reducer";
import { hashString } from "@/lib/sim/rng";
import type { Scenario } from "@/lib/sim/scenario-schema";
import { CASE_FIELDS, DRAWS, EPOCH, type WorldCore } from "./core";

/** 2: clerks' jobs carry their own event and wait (cross-checks and originals requests are work). */
const SAVED_WORLD_FORMAT = 2;

/** A run saved mid-way (JSON-safe). Case states are stored by path and context, never by process-local ids. */
export type SavedWorld = {
  format: number;
  machineVersion: number;
  scenario: string;
  /** The scenario as it was when the run started (with any --set changes): resuming needs the very same one. */
  scenarioHash: number;
  seed: number;
  now: number;
  counters: [events: number, letters: number, forwarded: number];
  params: Scenario;
  states: [path: string, context: CaseContext][];
  caseStates: number[];
  draws: number[];
  addressee: number[];
  epoch: number[];
  seat: number[];
  reviewDays: number[];
  stageOf: number[];
  stageSince: (number | null)[];
  knownSince: (number | null)[];
  decidedAt: (number | null)[];
  campListSent: number[];
  /** free procurators' desks and clerks (negative after a cut, until enough finish) */
  free: [desks: number, clerks: number];
  deskQueue: [caseIndex: number, epoch: number][];
  clerkQueue: [caseIndex: number, epoch: number][];
  clerkFollowUps: [caseIndex: number, epoch: number][];
  clerkDays: number[];
  /** Per case: the event a clerk's job ends with and the wait after it. */
  clerkEvent: number[];
  clerkWait: number[];
  /** Days of work handed to clerks and to the province's desks (utilisation). */
  workDays: [clerks: number, desks: number];
  stageStats: number[][];
  decisionStats: number[][];
  queue: [time: number, kind: number, a: number, b: number][];
  /** Seated cases' stories (absent in runs saved before seats kept one). */
  history?: [caseIndex: number, story: number[]][];
  /** Cases whose latest letter had other grounds or another carrier than the bots' (absent from saves made before students chose grounds and carriers). */
  petitions?: [caseIndex: number, grounds: number, carrier: number][];
  /** Events an instructor injected: their ids and simulated days (absent from saves made before instructors could inject events). */
  injected?: [id: string, day: number, counterfactual?: 1][];
  /** Cases that exist so far, new arrests included (absent from saves made before new arrests: the caseload). */
  arrived?: number;
  /** Days before a computer desk helps a student procurator (absent: it never does; World.letComputerHelp). */
  helpAfterDays?: number;
  /** Seated procurators' work on their cases (absent from saves made before procurators had working hours). */
  desk?: [
    caseIndex: number,
    workDay: number,
    workHours: number,
    readHours: number,
    flags: number,
    lettersRead?: number,
  ][];
};

/** A fingerprint of a scenario's settings. */
export function scenarioHash(scenario: Scenario): number {
  return hashString(JSON.stringify(scenario));
}

/** Everything needed to resume this run exactly, as plain JSON. */
export function saveWorld(w: WorldCore): SavedWorld {
  const states: SavedWorld["states"] = [];
  const index = new Map<number, number>();
  const caseStates = Array.from({ length: w.n }, (_, i) => {
    const s = w.stateOf(i);
    let k = index.get(s);
    if (k === undefined) {
      k = states.length;
      index.set(s, k);
      states.push([w.stepper.path[s]!, w.stepper.context(s)]);
    }
    return k;
  });
  /** One value per case, read through WorldCore's accessors. */
  const perCase = <T>(of: (i: number) => T): T[] => Array.from({ length: w.n }, (_, i) => of(i));
  /** A day per case; one not reached yet (NaN) is saved as null, which JSON can carry. */
  const dayPerCase = (of: (i: number) => number) =>
    perCase((i) => {
      const day = of(i);
      return Number.isNaN(day) ? null : day;
    });
  return {
    format: SAVED_WORLD_FORMAT,
    machineVersion: CASE_MACHINE_VERSION,
    scenario: w.scenario.id,
    scenarioHash: scenarioHash(w.scenario),
    seed: w.seed,
    now: w.now,
    counters: [w.eventsProcessed, w.lettersWritten, w.forwardedToAccused],
    params: structuredClone(w.params),
    states,
    caseStates,
    draws: perCase((i) => w.cases[CASE_FIELDS * i + DRAWS]!),
    addressee: perCase((i) => w.addresseeOf(i)),
    epoch: perCase((i) => w.epochOf(i)),
    seat: perCase((i) => w.seatOf(i)),
    reviewDays: perCase((i) => w.reviewDaysOf(i)),
    stageOf: perCase((i) => w.stageOf(i)),
    stageSince: dayPerCase((i) => w.stageSinceOf(i)),
    knownSince: dayPerCase((i) => w.knownSinceOf(i)),
    decidedAt: dayPerCase((i) => w.decidedAtOf(i)),
    campListSent: Array.from(w.campListSent),
    free: [w.desksFree, w.clerksFree],
    deskQueue: w.deskQueue.toArray(),
    clerkQueue: w.clerkQueue.toArray(),
    clerkFollowUps: w.clerkFollowUps.toArray(),
    clerkDays: perCase((i) => w.clerkDaysOf(i)),
    clerkEvent: perCase((i) => w.clerkEventOf(i)),
    clerkWait: perCase((i) => w.clerkWaitOf(i)),
    workDays: [w.clerkWorkDays, w.deskWorkDays],
    stageStats: [w.stageCount, w.stageMax, w.stageWaitSum, w.stageWaitN].map((a) => Array.from(a)),
    decisionStats: [Array.from(w.decisionCount), Array.from(w.decisionPersons)],
    queue: w.queue.entries(),
    history: [...w.history].map(([i, story]) => [i, [...story]]),
    petitions: petitions(w),
    desk: deskWork(w),
    arrived: w.arrived,
    injected: w.injectedEvents.map((e) => (e.counterfactual ? [e.id, e.day, 1] : [e.id, e.day])),
    ...(w.helpAfterDays >= 0 ? { helpAfterDays: w.helpAfterDays } : {}),
  };
}

/** Throws unless `saved` was saved by these machines, in this format, for this very scenario. */
export function checkResumable(scenario: Scenario, saved: SavedWorld): void {
  if (saved.format !== SAVED_WORLD_FORMAT || saved.machineVersion !== CASE_MACHINE_VERSION) {
    throw new Error(
      `This run was saved by another version of Spravka (format ${saved.format}, machines v${saved.machineVersion}).`,
    );
  }
  if (saved.scenario !== scenario.id || saved.scenarioHash !== scenarioHash(scenario)) {
    throw new Error(
      `This run was saved for scenario "${saved.scenario}" with other settings, not this "${scenario.id}".`,
    );
  }
}

/** Restores a saved run into a freshly generated core (instead of WorldCore.begin). */
export function loadWorld(w: WorldCore, saved: SavedWorld): void {
  const ids = saved.states.map(([path, context]) => w.stepper.adopt(snap(path, context)));
  const num = (x: number | null) => (x === null ? NaN : x);
  for (let i = 0; i < w.n; i++) {
    w.setState(i, ids[saved.caseStates[i]!]!);
    w.cases[CASE_FIELDS * i + DRAWS] = saved.draws[i]!;
    w.setAddressee(i, saved.addressee[i]!);
    w.cases[CASE_FIELDS * i + EPOCH] = saved.epoch[i]!;
    w.setSeat(i, saved.seat[i]!);
    w.setReviewDays(i, saved.reviewDays[i]!);
    // A save shorter than the caseload (made before new arrests) leaves the rest at 0, as a typed array's set did.
    w.setClerkJob(i, saved.clerkDays[i] ?? 0, saved.clerkEvent[i] ?? 0, saved.clerkWait[i] ?? 0);
    w.setStageOf(i, saved.stageOf[i]!);
    w.setStageSince(i, num(saved.stageSince[i]!));
    w.setKnownSince(i, num(saved.knownSince[i]!));
    w.setDecidedAt(i, num(saved.decidedAt[i]!));
  }
  w.now = saved.now;
  [w.eventsProcessed, w.lettersWritten, w.forwardedToAccused] = saved.counters;
  w.params = structuredClone(saved.params);
  w.campListSent.set(saved.campListSent);
  [w.desksFree, w.clerksFree] = saved.free;
  w.deskQueue.load(saved.deskQueue);
  w.clerkQueue.load(saved.clerkQueue);
  w.clerkFollowUps.load(saved.clerkFollowUps);
  [w.clerkWorkDays, w.deskWorkDays] = saved.workDays;
  [w.stageCount, w.stageMax, w.stageWaitSum, w.stageWaitN].forEach((a, k) => a.set(saved.stageStats[k]!));
  w.decisionCount.set(saved.decisionStats[0]!);
  w.decisionPersons.set(saved.decisionStats[1]!);
  for (const [time, kind, a, b] of saved.queue) w.queue.push(time, kind, a, b);
  for (const [i, story] of saved.history ?? []) w.history.set(i, [...story]);
  for (const [id, day, early] of saved.injected ?? []) {
    w.injectedEvents.push(early ? { id, day, counterfactual: true } : { id, day });
  }
  w.helpAfterDays = saved.helpAfterDays ?? Number.NaN;
  w.arrived = saved.arrived ?? w.caseloadSize;
  for (const [i, day, hours, read, flags, lettersRead] of saved.desk ?? []) {
    w.lettersRead[i] = lettersRead ?? 0;
    w.workDay[i] = day;
    w.workHours[i] = hours;
    w.readHours[i] = read;
    w.deskFlags[i] = flags;
  }
  for (const [i, grounds, carrier] of saved.petitions ?? []) {
    w.setGrounds(i, grounds);
    w.setCarrier(i, carrier);
  }
}

/** Seated procurators' work, for the cases that have any. */
function deskWork(w: WorldCore): NonNullable<SavedWorld["desk"]> {
  const out: NonNullable<SavedWorld["desk"]> = [];
  for (let i = 0; i < w.n; i++) {
    if (w.workDay[i]! >= 0 || w.deskFlags[i]) {
      const done: NonNullable<SavedWorld["desk"]>[number] = [
        i,
        w.workDay[i]!,
        w.workHours[i]!,
        w.readHours[i]!,
        w.deskFlags[i]!,
      ];
      // Saves made before letters were read have five fields; keep that shape where none was.
      if (w.lettersRead[i]) done.push(w.lettersRead[i]!);
      out.push(done);
    }
  }
  return out;
}

/** The cases whose latest letter had grounds or a carrier other than the bots'. */
function petitions(w: WorldCore): NonNullable<SavedWorld["petitions"]> {
  const out: NonNullable<SavedWorld["petitions"]> = [];
  for (let i = 0; i < w.n; i++) {
    if (w.groundsOf(i) !== 0 || w.carrierOf(i) !== 0) out.push([i, w.groundsOf(i), w.carrierOf(i)]);
  }
  return out;
}
