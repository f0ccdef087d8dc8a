/**
 * The core of a World: the cases as struct-of-arrays, the timed event queue,
 * each case's stream of randomness, stepping one case through the memoised
 * case machine, and advancing simulated time.
 *
 * Internal to lib/sim/world/. The public face is World (./world.ts, exported
 * by lib/sim/engine.ts); nothing else imports this file (eslint.config.mjs).
 * The fields are public only so the sibling modules (the institution driver,
 * the seat layer, statistics, save/load) can be plain functions over this one
 * class: every hot path sees a single object shape, with no per-case objects
 * and no dynamic dispatch. They are not an API: change them freely with their
 * users in this folder.
 */
import type { CaseInput } from "@/machines/case-setup";
import { NEW_ARREST_ARTICLE, NEW_ARRESTS_FROM, NEW_ARRESTS_UNTIL } from "@/machines/rules";
import {
  ARTICLES,
  COURT_RULINGS,
  DECISIONS,
  GROUNDS,
  SENTENCING_ORGANS,
  STAGES,
  ADDRESSEES,
} from "@/machines/vocabulary";
import { CASE_EVENTS, EVENT_IDS } from "@/machines/case-events";
import { type CaseStepper, PATH_MASK, REFUSED } from "@/lib/sim/case-stepper";
import { daysFromDraws, drawCount, type Distribution } from "@/lib/sim/distributions";
import { EventQueue } from "@/lib/sim/event-queue";
import { WorkQueue } from "@/lib/sim/work-queue";
import { repeatFirstRecord } from "@/lib/sim/typed-arrays";
import {
  childStream,
  childStreamOfHash,
  hashString,
  pickWithDraw,
  rngFromState,
  streamKey,
  uniformOfKey,
  weightTotal,
  type Rng,
} from "@/lib/sim/rng";
import type { Scenario } from "@/lib/sim/scenario-schema";
import {
  applyEffect,
  dayNumber,
  dispatchClerks,
  dispatchDesks,
  driverKindOfPath,
  enter,
  isLetterInTransit,
  letterAlongside,
  listArrives,
  scheduleInstitutions,
} from "./institutions";
import { keepStory } from "./seats";
import { countStep, moveToStage, stageIndexOf, stageOfPath } from "./statistics";

/**
 * What the event queue holds. Private to this file so that advanceTo's switch
 * compiles to integer constants; other modules schedule through the `…At`
 * methods below.
 */
const enum Kind {
  /** A bot's or an institution's next step for a case, valid only while the case stays in the state that planned it. */
  CaseEvent = 1,
  CampList = 2,
  History = 3,
  /** A Presidium answer: it comes whatever state the case has reached meanwhile. */
  Petition = 4,
  DeskFree = 5,
  ClerkFree = 6,
  /**
   * A bot's letter about a case. Planned like a CaseEvent, but if the case has
   * moved on meanwhile (a camp list brought it up), a letter to the Presidium
   * is still written: lists and letters were independent (letterAlongside).
   */
  Letter = 7,
  /** A new arrest (case a) enters the camps: from now it exists and may complain (RULES.newArrests). */
  NewArrest = 8,
}

/** An event an instructor injected: which, on what simulated day, and whether before its historical date (a what-if). */
export type InjectedEvent = { id: string; day: number; counterfactual?: true };

/**
 * The fields of a case's record in WorldCore.cases, as int32s: its state id,
 * its epoch, its main stream's streamKey(seed, stream) (computed once, so a
 * draw hashes only its counter) and how many draws it has made; then, as
 * doubles (WorldCore.caseTimes, CASE_TIMES per case), the day it entered its
 * stage and the day the commission learnt of it.
 */
export const CASE_FIELDS = 8;
export const STATE = 0;
export const EPOCH = 1;
export const DRAW_KEY = 2;
export const DRAWS = 3;
const CASE_TIMES = CASE_FIELDS / 2;
const STAGE_SINCE = 2;
const KNOWN_SINCE = 3;

/**
 * A case's second record (WorldCore.notes), NOTE_BYTES bytes: the day it
 * was decided as a double (slot DECIDED_AT of notes), the staff's work as
 * float32s (slots of jobs; an event id is a small integer, exact), then
 * bytes (offsets in noteBytes, noteInts).
 */
const NOTE_BYTES = 32;
const DECIDED_AT = 0;
const JOB_FIELDS = NOTE_BYTES / 4;
const CLERK_DAYS = 2;
const CLERK_WAIT = 3;
const CLERK_EVENT = 4;
const REVIEW_DAYS = 5;
const SEAT_BYTE = 24;
const STAGE_BYTE = 25;
const PERSONS_BYTE = 26;
const ADDRESSEE_BYTE = 27;
const GROUNDS_BYTE = 28;
const CARRIER_BYTE = 29;

/** Case events are queued with the case's epoch, so a plan made for an earlier state is dropped. */
const EVENT_BITS = 64;

/** WorldCore.article for a new arrest: its article (NEW_ARREST_ARTICLE) is not one of ARTICLES. */
export const NEW_ARREST_ARTICLE_INDEX = 255;

/** For each case event id: which addressee's letter (or -1). */
const LETTER_OF_EVENT = Int8Array.from(CASE_EVENTS, (_, id) => EVENT_IDS.fileTo.indexOf(id));

/** Side streams' names, hashed once (WorldCore.caseSideStream). */
const EXILE_AFTER_TERM = hashString("exile-after-term");

/** A stream's draws from a streamKey on: one mutable view, reused (WorldCore.caseSideStream). */
class KeyedStream implements Rng {
  key = 0;
  counter = 0;
  next(): number {
    return uniformOfKey(this.key, this.counter++);
  }
  split(): Rng {
    throw new Error("side streams do not split");
  }
  get state(): never {
    throw new Error("side streams are not saved");
  }
}

/**
 * The first value of the fields that hold fractions of days (now, the work
 * days): a fraction, so V8 lays them out as doubles from the start. Begun
 * at 0, they were small integers until the first fraction came, and that
 * change of layout mid-run threw away the optimised code of every function
 * reading a WorldCore ("wrong map" deopts on a cold run: measured). The
 * constructor sets them to 0 at once.
 */
const FRACTION = 0.5;

/** PathMemo's mark for a path not computed yet (no kind or stage is this small). */
const UNKNOWN = -128;

/**
 * A small integer per case-machine path (its stage, its driver kind),
 * computed the first time it is asked for. Keyed by the path's number in
 * a state's info word (CaseStepper.info), which the hot loop reads anyway:
 * a few dozen bytes, always in cache.
 */
export class PathMemo {
  private readonly values = new Int8Array(PATH_MASK + 1).fill(UNKNOWN);
  /** `paths`: the path of each number, as the stepper lists them (CaseStepper.paths). */
  constructor(
    private readonly paths: readonly string[],
    private readonly compute: (path: string) => number,
  ) {}

  /** The value for a state, given its info word. */
  get(info: number): number {
    const value = this.values[info & PATH_MASK]!;
    return value !== UNKNOWN ? value : this.fill(info & PATH_MASK);
  }

  private fill(pathId: number): number {
    const value = this.compute(this.paths[pathId]!);
    if (!(Number.isInteger(value) && value > UNKNOWN && value <= 127)) throw new RangeError(`PathMemo value ${value}`);
    this.values[pathId] = value;
    return value;
  }
}

/**
 * A weight list the caseload's cases all draw by: its weights as a
 * Float64Array (so the pick sees one kind of array) and their total, summed
 * once rather than on every case's draw (the same sum, so the same picks).
 */
type WeightList = { readonly weights: Float64Array; readonly total: number };
function weightList(values: ArrayLike<number>): WeightList {
  const weights = Float64Array.from(values);
  return { weights, total: weightTotal(weights) };
}

/** One World's cases, queue and clock, and the loop that steps them (internal: see the header). */
export class WorldCore {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly stepper: CaseStepper;
  now = FRACTION;
  eventsProcessed = 0;
  lettersWritten = 0;
  forwardedToAccused = 0;
  readonly decisionCount = new Int32Array(DECISIONS.length);
  readonly decisionPersons = new Int32Array(DECISIONS.length);

  /** Every case the run will hold: the scenario's caseload, then the new arrests (RULES.newArrests). */
  readonly n: number;
  /** The scenario's own caseload: cases 0 … caseloadSize − 1. New arrests follow it, in the order they come. */
  readonly caseloadSize: number;
  /** The day each new arrest (case caseloadSize + k) enters the camps, ascending; drawn from its own stream. */
  readonly arrivalDay: Float64Array;
  /** Cases that exist so far: the caseload, and each new arrest from its day. */
  arrived: number;
  /**
   * What every event reads of its case, together in one 32-byte record per
   * case (CASE_FIELDS int32s: STATE, EPOCH, DRAW_KEY, DRAWS, then two
   * doubles, STAGE_SINCE and KNOWN_SINCE, in caseTimes over the same
   * buffer): on a national run each event reaches another case, so one cache
   * line rather than one per array. Read and written through the accessors
   * below (stateOf, epochOf, stageSinceOf, …) and caseDraw.
   */
  readonly cases: Int32Array;
  readonly caseTimes: Float64Array;
  readonly camp: Int32Array;
  readonly organ: Uint8Array;
  readonly article: Uint8Array;
  readonly termYears: Float32Array;
  /** 1 if the case began in exile rather than a camp (generated, so never saved). */
  readonly startedInExile: Uint8Array;
  readonly streams: Uint32Array;
  /** A seated procurator's work on each case: the day of the latest work and the hours spent on it that day, hours read, DESK_* flags (./seats.ts). */
  readonly workDay: Int32Array;
  readonly workHours: Float32Array;
  readonly readHours: Float32Array;
  readonly deskFlags: Uint8Array;
  /** How many of a classmate's letters about each case its procurator has read (in the order they arrived). */
  readonly lettersRead: Uint8Array;
  /** World.onCaseEvent: called with every event a case takes; it must not act on the world. */
  onCaseEvent: ((i: number, eventId: number) => void) | null = null;
  /**
   * "The computer helps" a class's district: days a file may wait at review on
   * a student procurator's desk before a computer desk decides it. NaN: never,
   * the class alone is its district's commission (World.letComputerHelp).
   */
  helpAfterDays = Number.NaN;
  /** Events an instructor injected, in order (see inject). */
  readonly injectedEvents: InjectedEvent[] = [];
  /** Grounds and carrier for the letter being filed now (see fileLetter). */
  pending = { grounds: 0, carrier: 0 };
  readonly campCases: Int32Array[];
  readonly campListSent: Uint8Array;
  readonly queue: EventQueue;
  params: Scenario;
  /** Procurators' desks and file clerks not busy now, and the cases waiting for one (RULES.reviewHours). */
  desksFree: number;
  clerksFree: number;
  readonly deskQueue = new WorkQueue();
  readonly clerkQueue = new WorkQueue();
  /** Clerks' jobs on files already opened (originals, cross-checks): taken before new files (dispatchClerks). */
  readonly clerkFollowUps = new WorkQueue();
  /**
   * What else a case's events read and write, in a second 32-byte record
   * per case (NOTE_BYTES bytes, over one buffer: the views below): the day
   * it was decided (a double); a clerk's job while it waits in clerkQueue
   * (days of work, the wait after it, the event it ends with) and the days
   * a desk reviews its file (float32s); who acts for it (a Seat), the stage
   * it waits in, its persons, and its latest letter's addressee, grounds
   * and carrier (bytes). Separate arrays were a cache line each for a case
   * met at random on a national run (measured); read and written through
   * the accessors below (seatOf, stageOf, clerkDaysOf, …).
   */
  readonly notes: Float64Array;
  readonly jobs: Float32Array;
  readonly noteBytes: Uint8Array;
  readonly noteInts: Int8Array;
  /** Days of work handed to clerks and to the province's desks so far (for utilisation: result().capacity). */
  clerkWorkDays = FRACTION;
  deskWorkDays = FRACTION;
  readonly stageCount = new Int32Array(STAGES.length);
  readonly stageMax = new Int32Array(STAGES.length);
  readonly stageWaitSum = new Float64Array(STAGES.length);
  readonly stageWaitN = new Float64Array(STAGES.length);
  readonly rootStream: number;
  /** Per path, memoised: its stage (statistics.stageIndexOf) and its driver kind (institutions.kindOf). */
  readonly stageByPath: PathMemo;
  readonly kindByPath: PathMemo;
  private readonly popped = { time: 0, kind: 0, a: 0, b: 0 };
  /** Scratch for the institution driver's draws (reused, so the hot loop allocates nothing). */
  readonly decisionIds = EVENT_IDS.decide;
  readonly rulingIds = EVENT_IDS.rule;
  readonly decisionWeights = new Float64Array(DECISIONS.length);
  readonly rulingWeights = new Float64Array(COURT_RULINGS.length);
  readonly routeWeights = new Float64Array(4);
  /**
   * The policy's weights as the driver draws by them, derived from `params`
   * (institutions.policyWeights) and kept until params change: each
   * decision's for a latest letter on each grounds (GROUNDS × DECISIONS),
   * each addressee's, each court ruling's. `weightsOf` is the params they
   * were derived from.
   */
  readonly decisionPolicy = new Float64Array(GROUNDS.length * DECISIONS.length);
  readonly addresseeMix = new Float64Array(ADDRESSEES.length);
  readonly rulingPolicy = new Float64Array(COURT_RULINGS.length);
  weightsOf: Scenario | null = null;
  /** For cases with a student's seat: what happened to them, as [day, event id, day, event id, …] (./seats.ts). */
  readonly history = new Map<number, number[]>();

  /** Generates the caseload; World then either resumes a saved run (save-load.ts) or calls begin(). */
  constructor(scenario: Scenario, seed: number, stepper: CaseStepper) {
    this.now = this.clerkWorkDays = this.deskWorkDays = 0;
    this.scenario = scenario;
    this.params = structuredClone(scenario);
    this.seed = seed;
    this.stepper = stepper;
    this.stageByPath = new PathMemo(stepper.paths, stageOfPath);
    this.kindByPath = new PathMemo(stepper.paths, driverKindOfPath);
    this.rootStream = childStream(0, "cases");
    this.caseloadSize = scenario.caseload.cases;
    this.arrived = this.caseloadSize;
    this.arrivalDay = this.newArrestDays();
    const n = (this.n = this.caseloadSize + this.arrivalDay.length);
    this.cases = new Int32Array(CASE_FIELDS * n);
    this.caseTimes = new Float64Array(this.cases.buffer);
    this.camp = new Int32Array(n);
    this.organ = new Uint8Array(n);
    this.article = new Uint8Array(n);
    this.termYears = new Float32Array(n);
    this.startedInExile = new Uint8Array(n);
    this.streams = new Uint32Array(n);
    this.workDay = new Int32Array(n).fill(-1);
    this.workHours = new Float32Array(n);
    this.readHours = new Float32Array(n);
    this.deskFlags = new Uint8Array(n);
    this.lettersRead = new Uint8Array(n);
    this.notes = new Float64Array((NOTE_BYTES / 8) * n);
    this.jobs = new Float32Array(this.notes.buffer);
    this.noteBytes = new Uint8Array(this.notes.buffer);
    this.noteInts = new Int8Array(this.notes.buffer);
    // Every case starts unknown to the commission, undecided and in no stage: the first record, then copies of it.
    if (n > 0) {
      this.setKnownSince(0, NaN);
      this.setDecidedAt(0, NaN);
      this.setStageOf(0, -1);
      repeatFirstRecord(this.cases, CASE_FIELDS, n);
      repeatFirstRecord(this.noteBytes, NOTE_BYTES, n);
    }
    // Each case has about one plan pending at a time (a national run peaks at 0.63 per case).
    this.queue = new EventQueue(scenario.horizonDays, n);
    this.desksFree = scenario.desks.procurators;
    this.clerksFree = scenario.institutions.fileClerks;
    this.campListSent = new Uint8Array(scenario.caseload.camps);
    this.generate();
    // The camps' lists name the caseload; a new arrest came after any list was drawn up.
    const campSizes = new Int32Array(scenario.caseload.camps);
    for (let i = 0; i < this.caseloadSize; i++) campSizes[this.camp[i]!]!++;
    this.campCases = Array.from(campSizes, (size) => new Int32Array(size));
    campSizes.fill(0);
    for (let i = 0; i < this.caseloadSize; i++) {
      const c = this.camp[i]!;
      this.campCases[c]![campSizes[c]!++] = i;
    }
  }

  /** Starts a fresh run: the institutions' calendar, then every case's first plan. */
  begin(): void {
    scheduleInstitutions(this);
    for (let i = 0; i < this.caseloadSize; i++) this.arrive(i, this.stateOf(i));
    // Queued after everything else, so the caseload's own events keep their order (ties break by insertion).
    for (let k = 0; k < this.arrivalDay.length; k++) {
      this.queue.push(this.arrivalDay[k]!, Kind.NewArrest, this.caseloadSize + k, 0);
    }
  }

  /**
   * The days new Article 59 arrests enter the camps (RULES.newArrests): a
   * Poisson stream at the scenario's rate, from 1 January 1955 (or the start,
   * if later) through 1955, the year the source counts. Drawn from a stream
   * of its own, so every case of the caseload draws what it drew without them.
   */
  private newArrestDays(): Float64Array {
    const perDay = this.scenario.caseload.newArrestsPerYear / 365;
    const start = dayNumber(this.scenario.startDate);
    const from = Math.max(0, dayNumber(NEW_ARRESTS_FROM) - start);
    const until = Math.min(this.scenario.horizonDays, dayNumber(NEW_ARRESTS_UNTIL) + 1 - start);
    if (!(perDay > 0) || until <= from) return new Float64Array(0);
    const rng = this.institutionRng("new-arrests");
    const days: number[] = [];
    for (let t = from - Math.log(rng.next()) / perDay; t < until; t -= Math.log(rng.next()) / perDay) days.push(t);
    return Float64Array.from(days);
  }

  /** Lets the institutions and bots plan case i again from its current state (after its seat changed). */
  replan(i: number): void {
    this.arrive(i, this.stateOf(i));
  }

  /**
   * Case i is in state `stateId` (newly, or planned afresh): it is counted in
   * its stage, then its institution or bot plans what happens next. Two calls
   * rather than one in `enter`, so TurboFan's inlining budget for the big
   * `enter` goes to its own draws (measured: ADR 0018).
   */
  private arrive(i: number, stateId: number): void {
    moveToStage(this, i, stageIndexOf(this, stateId));
    enter(this, i, stateId);
  }

  // ── a case's record (see `cases`) ───────────────────────────────────────
  /** The case machine's state id of case i. */
  stateOf(i: number): number {
    return this.cases[CASE_FIELDS * i + STATE]!;
  }
  setState(i: number, stateId: number): void {
    this.cases[CASE_FIELDS * i + STATE] = stateId;
  }
  /** Bumped on every change of case i's state (or seat); see Kind.CaseEvent. */
  epochOf(i: number): number {
    return this.cases[CASE_FIELDS * i + EPOCH]!;
  }
  bumpEpoch(i: number): void {
    this.cases[CASE_FIELDS * i + EPOCH]!++;
  }
  /** Since when case i waits in its current stage (statistics.ts). */
  stageSinceOf(i: number): number {
    return this.caseTimes[CASE_TIMES * i + STAGE_SINCE]!;
  }
  setStageSince(i: number, day: number): void {
    this.caseTimes[CASE_TIMES * i + STAGE_SINCE] = day;
  }
  /** Since when the commission knows of case i (NaN: not yet). */
  knownSinceOf(i: number): number {
    return this.caseTimes[CASE_TIMES * i + KNOWN_SINCE]!;
  }
  setKnownSince(i: number, day: number): void {
    this.caseTimes[CASE_TIMES * i + KNOWN_SINCE] = day;
  }

  // ── a case's second record (see `notes`) ───────────────────────────────
  /** Who acts for case i: bots, or a student's seat (Seat in ./institutions.ts; set by ./seats.ts). */
  seatOf(i: number): number {
    return this.noteBytes[NOTE_BYTES * i + SEAT_BYTE]!;
  }
  setSeat(i: number, seat: number): void {
    this.noteBytes[NOTE_BYTES * i + SEAT_BYTE] = seat;
  }
  /** The stage case i waits in (index into STAGES), or -1 (statistics.ts). */
  stageOf(i: number): number {
    return this.noteInts[NOTE_BYTES * i + STAGE_BYTE]!;
  }
  setStageOf(i: number, stage: number): void {
    this.noteInts[NOTE_BYTES * i + STAGE_BYTE] = stage;
  }
  /** The persons of case i (up to 255). */
  personsOf(i: number): number {
    return this.noteBytes[NOTE_BYTES * i + PERSONS_BYTE]!;
  }
  setPersons(i: number, persons: number): void {
    this.noteBytes[NOTE_BYTES * i + PERSONS_BYTE] = persons;
  }
  /** Who case i's latest letter is addressed to (index into ADDRESSEES), for routing. */
  addresseeOf(i: number): number {
    return this.noteBytes[NOTE_BYTES * i + ADDRESSEE_BYTE]!;
  }
  setAddressee(i: number, addressee: number): void {
    this.noteBytes[NOTE_BYTES * i + ADDRESSEE_BYTE] = addressee;
  }
  /** The latest letter's grounds and carrier (indexes into GROUNDS, CARRIERS; 0 for bots' letters). */
  groundsOf(i: number): number {
    return this.noteBytes[NOTE_BYTES * i + GROUNDS_BYTE]!;
  }
  setGrounds(i: number, grounds: number): void {
    this.noteBytes[NOTE_BYTES * i + GROUNDS_BYTE] = grounds;
  }
  carrierOf(i: number): number {
    return this.noteBytes[NOTE_BYTES * i + CARRIER_BYTE]!;
  }
  setCarrier(i: number, carrier: number): void {
    this.noteBytes[NOTE_BYTES * i + CARRIER_BYTE] = carrier;
  }
  /** The day case i was decided (NaN: not yet). */
  decidedAtOf(i: number): number {
    return this.notes[(NOTE_BYTES / 8) * i + DECIDED_AT]!;
  }
  setDecidedAt(i: number, day: number): void {
    this.notes[(NOTE_BYTES / 8) * i + DECIDED_AT] = day;
  }
  /** Days of work of case i's clerk's job (see `notes`). */
  clerkDaysOf(i: number): number {
    return this.jobs[JOB_FIELDS * i + CLERK_DAYS]!;
  }
  /** The wait after case i's clerk's job, before its event. */
  clerkWaitOf(i: number): number {
    return this.jobs[JOB_FIELDS * i + CLERK_WAIT]!;
  }
  /** The case event id case i's clerk's job ends with. */
  clerkEventOf(i: number): number {
    return this.jobs[JOB_FIELDS * i + CLERK_EVENT]!;
  }
  setClerkJob(i: number, days: number, eventId: number, waitAfter: number): void {
    const at = JOB_FIELDS * i;
    this.jobs[at + CLERK_DAYS] = days;
    this.jobs[at + CLERK_EVENT] = eventId;
    this.jobs[at + CLERK_WAIT] = waitAfter;
  }
  /** The days a desk takes to review case i's file. */
  reviewDaysOf(i: number): number {
    return this.jobs[JOB_FIELDS * i + REVIEW_DAYS]!;
  }
  setReviewDays(i: number, days: number): void {
    this.jobs[JOB_FIELDS * i + REVIEW_DAYS] = days;
  }

  // ── randomness: a stream per case, one per institution ─────────────────
  caseDraw(i: number): number {
    return uniformOfKey(this.cases[CASE_FIELDS * i + DRAW_KEY]!, this.cases[CASE_FIELDS * i + DRAWS]!++);
  }
  /**
   * A stream of case i's own, apart from its main one: a draw added to the
   * model later (the camp's wait after a release order, whether the sentence
   * adds exile) leaves every draw the case made before unchanged.
   */
  caseSideRng(i: number, name: string): Rng {
    return rngFromState({ seed: this.seed, stream: childStream(this.streams[i]!, name), counter: 0 });
  }
  /**
   * caseSideRng(i, name) for a name hashed once (hashString(name)), as one
   * reusable view: valid until the next call, so the hot loop allocates nothing.
   */
  caseSideStream(i: number, nameHash: number): Rng {
    const side = this.sideStream;
    side.key = streamKey(this.seed, childStreamOfHash(this.streams[i]!, nameHash));
    side.counter = 0;
    return side;
  }
  private readonly sideStream = new KeyedStream();
  institutionRng(name: string): Rng {
    return rngFromState({ seed: this.seed, stream: childStream(0, name), counter: 0 });
  }
  /** A sample of `d` from case i's main stream: sampleDays, with the draws taken here (see daysFromDraws). */
  sample(i: number, d: Distribution): number {
    const draws = drawCount(d);
    const u = draws > 0 ? this.caseDraw(i) : 0;
    const v = draws > 1 ? this.caseDraw(i) : 0;
    return daysFromDraws(d, u, v);
  }
  pick(i: number, weights: Float64Array): number {
    return this.pickOfTotal(i, weights, weightTotal(weights));
  }
  /** pick, given the weights' total (weightTotal), for a caller that draws by the same weights many times. */
  pickOfTotal(i: number, weights: Float64Array, total: number): number {
    return total > 0 ? pickWithDraw(weights, total, this.caseDraw(i)) : -1;
  }
  /** pick by a list whose total was summed once (weightList). */
  pickFrom(i: number, list: WeightList): number {
    return this.pickOfTotal(i, list.weights, list.total);
  }

  // ── the caseload ────────────────────────────────────────────────────────
  private generate(): void {
    const c = this.scenario.caseload;
    const lists = {
      persons: weightList(c.personsPerCase),
      organ: weightList(SENTENCING_ORGANS.map((o) => c.organs[o])),
      term: weightList(c.termYears.map((t) => t.weight)),
      article: weightList(ARTICLES.map((a) => c.articles[a])),
      crossChecks: weightList(c.crossChecks),
      maxComplaints: weightList(c.maxComplaints),
    };
    /**
     * Initial states by the indexes drawn: the stepper finds a case's state
     * by its canonical facts, which are costly to work out from strings on
     * every one of 467,946 cases (measured), and the caseload repeats a few
     * hundred combinations. Asked of the stepper on each first sight, in
     * case order, so it meets its states in the same order as before.
     */
    const initialByDraws = new Map<number, number>();
    for (let i = 0; i < this.caseloadSize; i++) {
      this.streams[i] = childStream(this.rootStream, i);
      this.cases[CASE_FIELDS * i + DRAW_KEY] = streamKey(this.seed, this.streams[i]!);
      const persons = 1 + Math.max(0, this.pickFrom(i, lists.persons));
      const organIndex = Math.max(0, this.pickFrom(i, lists.organ));
      const termIndex = Math.max(0, this.pickFrom(i, lists.term));
      const article = Math.max(0, this.pickFrom(i, lists.article));
      const exile = this.caseDraw(i) < c.exileShare;
      const originalsElsewhere = this.caseDraw(i) < c.originalsElsewhereShare;
      const crossChecks = Math.max(0, this.pickFrom(i, lists.crossChecks));
      const maxComplaints = 1 + Math.max(0, this.pickFrom(i, lists.maxComplaints));
      // Whether the sentence adds exile after the camp (RULES.exileAfterCamp), from a side stream: the case's other draws stay as they were.
      const exileAfterTerm = !exile && this.caseSideStream(i, EXILE_AFTER_TERM).next() < c.exileAfterTermShare;
      const term = c.termYears[termIndex]!.years;
      this.setPersons(i, Math.min(255, persons));
      this.camp[i] = Math.min(c.camps - 1, Math.floor(this.caseDraw(i) * c.camps));
      this.article[i] = article;
      this.organ[i] = organIndex;
      this.termYears[i] = term;
      this.startedInExile[i] = exile ? 1 : 0;
      // Every index below its list's length, so the key tells the combinations apart.
      let key = organIndex;
      key = key * lists.term.weights.length + termIndex;
      key = key * lists.article.weights.length + article;
      key = key * 2 + (exile ? 1 : 0);
      key = key * 2 + (originalsElsewhere ? 1 : 0);
      key = key * c.crossChecks.length + crossChecks;
      key = key * (c.maxComplaints.length + 1) + maxComplaints;
      key = key * 2 + (exileAfterTerm ? 1 : 0);
      let state = initialByDraws.get(key);
      if (state === undefined) {
        const input: CaseInput = {
          organ: SENTENCING_ORGANS[organIndex]!,
          // The real article: the Sep 1954 ruling reached only 58-7/11 (the stepper keeps just that distinction).
          article: ARTICLES[article]!,
          termYears: term,
          custody: exile ? "exile" : "camp",
          persons,
          originalsElsewhere,
          crossChecks,
          maxComplaints,
          amnestyReading: this.scenario.policy.amnestyReading,
        };
        if (exileAfterTerm) input.exileAfterTerm = true;
        state = this.stepper.initial(input);
        initialByDraws.set(key, state);
      }
      this.setState(i, state);
    }
    this.generateNewArrests(lists);
  }

  /**
   * The new arrests' facts (RULES.newArrests), each from a stream of its own:
   * one person, sentenced by a court (the Special Conference was abolished in
   * September 1953), in a camp, the file at hand. The term, cross-checks and
   * letters follow the scenario's mix, an invention (ADR 0025), drawn by
   * the caseload's own weight lists (`lists`, from generate).
   */
  private generateNewArrests(lists: Record<"term" | "crossChecks" | "maxComplaints", WeightList>): void {
    const c = this.scenario.caseload;
    const court = SENTENCING_ORGANS.indexOf("court");
    // Initial states by the indexes drawn, as in generate: a year's new arrests repeat a few combinations.
    const initialByDraws = new Map<number, number>();
    const arrests = childStream(0, "new-arrests");
    for (let i = this.caseloadSize; i < this.n; i++) {
      this.streams[i] = childStream(arrests, i - this.caseloadSize);
      this.cases[CASE_FIELDS * i + DRAW_KEY] = streamKey(this.seed, this.streams[i]!);
      const termIndex = Math.max(0, this.pickFrom(i, lists.term));
      const crossChecks = Math.max(0, this.pickFrom(i, lists.crossChecks));
      const maxComplaints = 1 + Math.max(0, this.pickFrom(i, lists.maxComplaints));
      const term = c.termYears[termIndex]!.years;
      this.setPersons(i, 1);
      this.camp[i] = Math.min(c.camps - 1, Math.floor(this.caseDraw(i) * c.camps));
      this.article[i] = NEW_ARREST_ARTICLE_INDEX;
      this.organ[i] = court;
      this.termYears[i] = term;
      const key = (termIndex * c.crossChecks.length + crossChecks) * (c.maxComplaints.length + 1) + maxComplaints;
      let state = initialByDraws.get(key);
      if (state === undefined) {
        state = this.stepper.initial({
          organ: "court",
          article: NEW_ARREST_ARTICLE,
          termYears: term,
          custody: "camp",
          persons: 1,
          originalsElsewhere: false,
          crossChecks,
          maxComplaints,
          amnestyReading: this.scenario.policy.amnestyReading,
          newArrest: true,
        });
        initialByDraws.set(key, state);
      }
      this.setState(i, state);
    }
  }

  // ── the event queue ─────────────────────────────────────────────────────
  /** Plans event `eventId` for case i at `time`; dropped if the case changes state before then. */
  at(i: number, time: number, eventId: number): void {
    if (time < this.now) throw new Error(`case ${i}: event ${eventId} scheduled in the past (${time} < ${this.now})`);
    this.queue.push(time, Kind.CaseEvent, i, this.epochOf(i) * EVENT_BITS + eventId);
  }
  /** A bot's letter for case i (Kind.Letter): sent as planned, or written alongside if the case moved on. */
  letterAt(i: number, time: number, eventId: number): void {
    if (time < this.now) throw new Error(`case ${i}: letter ${eventId} scheduled in the past (${time} < ${this.now})`);
    this.queue.push(time, Kind.Letter, i, this.epochOf(i) * EVENT_BITS + eventId);
  }
  /** An answer for case i that comes whatever state it has reached meanwhile (a Presidium pardon, a certificate). */
  petitionAt(time: number, i: number, eventId: number): void {
    this.queue.push(time, Kind.Petition, i, eventId);
  }
  deskFreeAt(time: number): void {
    this.queue.push(time, Kind.DeskFree, 0, 0);
  }
  clerkFreeAt(time: number): void {
    this.queue.push(time, Kind.ClerkFree, 0, 0);
  }
  campListAt(day: number, camp: number): void {
    this.queue.push(day, Kind.CampList, camp, 0);
  }
  /** The scenario's historical event number `index` (scenario.events) takes effect on `day`. */
  historyAt(day: number, index: number): void {
    this.queue.push(day, Kind.History, index, 0);
  }

  // ── stepping ────────────────────────────────────────────────────────────
  /**
   * Case i takes an event that changes only what its file records (a petition
   * alongside the review), not where it is: its plans stand, so the epoch
   * stays and nothing is planned afresh. Returns false if the machine refuses it.
   */
  recordOnFile(i: number, eventId: number): boolean {
    const before = this.stateOf(i);
    const next = this.stepper.step(before, eventId);
    if (next === REFUSED) return false;
    if (((this.stepper.info(next) ^ this.stepper.info(before)) & PATH_MASK) !== 0)
      throw new Error(`event ${eventId} moved case ${i}`);
    this.eventsProcessed++;
    this.setState(i, next);
    this.onCaseEvent?.(i, eventId);
    return true;
  }

  /** Sends one event to one case, as a bot, an institution or a player would. Returns false if the machine refuses it. */
  sendCaseEvent(i: number, eventId: number): boolean {
    const before = this.stateOf(i);
    const next = this.stepper.step(before, eventId);
    if (next === REFUSED) return false;
    this.eventsProcessed++;
    if (next === before) return true;
    this.bumpEpoch(i);
    // Only cases a student sits on keep their story (the seat's timeline); the rest stay lean.
    keepStory(this, i, eventId);
    const letterTo = LETTER_OF_EVENT[eventId]!;
    if (letterTo >= 0) {
      this.setAddressee(i, letterTo);
      this.setGrounds(i, this.pending.grounds);
      this.setCarrier(i, this.pending.carrier);
    }
    this.setState(i, next);
    this.onCaseEvent?.(i, eventId);
    countStep(this, i, eventId);
    if (isLetterInTransit(this, next)) this.lettersWritten++;
    this.arrive(i, next);
    return true;
  }

  /**
   * Reads the record of every case with an event in the bucket just opened,
   * one independent load after another, so the memory fetches overlap;
   * taking the events one by one then finds each record in cache. On a
   * national run each event reaches another case, and waiting for its
   * record was the costliest line of the loop (measured); next came the
   * memo slots it steps by, then its seat and stage, read here
   * too. Only speed depends on it: nothing read here is used.
   */
  private warmBucket(): void {
    const subjects = this.bucketSubjects;
    const count = this.queue.currentSubjects(subjects);
    let sum = 0;
    for (let k = 0; k < count; k++) {
      const i = subjects[2 * k]!;
      if (i < this.n) sum += this.cases[CASE_FIELDS * i + EPOCH]! + this.seatOf(i) + this.stageOf(i);
    }
    // Then, the records in cache, the memo's slots each case will step by.
    for (let k = 0; k < count; k++) {
      const i = subjects[2 * k]!;
      if (i < this.n) sum += this.stepper.peek(this.cases[CASE_FIELDS * i + STATE]!);
    }
    this.warmth = sum;
  }
  private readonly bucketSubjects = new Int32Array(512);

  /**
   * Reads the records (and seat and stage) of these cases ahead of a loop
   * over them, as warmBucket does for a bucket: a camp's list reaches
   * thousands of cases scattered over the records, and one independent load
   * after another lets their fetches overlap. Then, the same way, each
   * one's info word and the memo's slots it will step by. Only speed
   * depends on it.
   */
  warmCases(list: Int32Array): void {
    let sum = 0;
    for (let k = 0; k < list.length; k++) {
      const i = list[k]!;
      sum += this.cases[CASE_FIELDS * i + STATE]! + this.seatOf(i) + this.stageOf(i);
    }
    for (let k = 0; k < list.length; k++) {
      const s = this.cases[CASE_FIELDS * list[k]! + STATE]!;
      sum += this.stepper.info(s) + this.stepper.peek(s);
    }
    this.warmth = sum;
  }
  /** Written by warmBucket so its loads are not optimised away; never read. */
  private warmth = 0;
  private bucketsWarmed = 0;

  /** Advances simulated time to `day` (not past the horizon), processing every event due by then. */
  advanceTo(day: number): void {
    const until = Math.min(day, this.scenario.horizonDays);
    const out = this.popped;
    while (this.queue.size > 0 && this.queue.peekTime() <= until) {
      if (this.queue.bucketsOpened !== this.bucketsWarmed) {
        this.bucketsWarmed = this.queue.bucketsOpened;
        this.warmBucket();
      }
      this.queue.pop(out);
      this.now = out.time;
      switch (out.kind) {
        case Kind.CaseEvent:
          if (Math.floor(out.b / EVENT_BITS) === this.epochOf(out.a)) this.sendCaseEvent(out.a, out.b % EVENT_BITS);
          break;
        case Kind.Petition:
          this.sendCaseEvent(out.a, out.b);
          break;
        case Kind.Letter:
          if (Math.floor(out.b / EVENT_BITS) === this.epochOf(out.a)) this.sendCaseEvent(out.a, out.b % EVENT_BITS);
          else letterAlongside(this, out.a, out.b % EVENT_BITS);
          break;
        case Kind.DeskFree:
          this.desksFree++;
          dispatchDesks(this);
          break;
        case Kind.ClerkFree:
          this.clerksFree++;
          dispatchClerks(this);
          break;
        case Kind.CampList:
          listArrives(this, out.a);
          break;
        case Kind.History:
          for (const effect of this.scenario.events[out.a]!.effects) applyEffect(this, effect);
          break;
        case Kind.NewArrest:
          this.arrived = out.a + 1;
          this.arrive(out.a, this.stateOf(out.a));
          break;
      }
    }
    this.now = Math.max(this.now, until);
  }
}
