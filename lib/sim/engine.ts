import { CASE_MACHINE_VERSION, type CaseContext, type CaseEvent, type CaseInput } from "@/machines/case-setup";
import {
  ADDRESSEES,
  ARTICLES,
  CARRIERS,
  COURT_RULINGS,
  GROUNDS,
  DECISIONS,
  OUTCOMES,
  SENTENCING_ORGANS,
  STAGES,
  type Addressee,
  type Carrier,
  type Decision,
  type Grounds,
  type Outcome,
  type Stage,
} from "@/machines/vocabulary";
import { CASE_EVENTS, caseEventId, EVENT_IDS } from "@/machines/case-events";
import { amnesty1953Covers } from "@/machines/rules";
import { snap } from "./case-reducer";
import { CaseStepper, REFUSED } from "./case-stepper";
import { sampleDays, type Distribution } from "./distributions";
import { EventQueue } from "./event-queue";
import { PETITION_EFFECTS } from "./petitions";
import { WorkQueue } from "./work-queue";
import { childStream, hashString, pickWeighted, rngFromState, seedOf, uniformAt, type Rng } from "./rng";
import { applyEffectTo, type Effect, type Scenario } from "./scenario-schema";

const enum Kind {
  /** A bot's or an institution's next step for a case, valid only while the case stays in the state that planned it. */
  CaseEvent = 1,
  CampList = 2,
  History = 3,
  /** A Presidium answer: it comes whatever state the case has reached meanwhile. */
  Petition = 4,
  DeskFree = 5,
  ClerkFree = 6,
}

/** For each case event id: which addressee's letter (or -1), which decision (or -1). */
const LETTER_OF_EVENT = Int8Array.from(CASE_EVENTS, (_, id) => EVENT_IDS.fileTo.indexOf(id));
const DECISION_OF_EVENT = Int8Array.from(CASE_EVENTS, (_, id) => EVENT_IDS.decide.indexOf(id));

/** How the grounds of the latest letter weigh a decision at review (lib/sim/petitions.ts). */
function groundsFactor(grounds: Grounds, decision: Decision): number {
  if (grounds === "noEvidence" && (decision === "fullRehabilitation" || decision === "reclassification")) {
    return PETITION_EFFECTS.noEvidenceReview.by;
  }
  // Only where the amnesty can apply at all: the machine refuses it for longer terms anyway.
  if (grounds === "amnesty" && decision === "amnesty1953") return PETITION_EFFECTS.amnestyReview.by;
  return 1;
}

/** Where a letter in transit ends up, in the order of the routing weights. */
const ROUTES = [EVENT_IDS.register, EVENT_IDS.forwardToAccused, EVENT_IDS.lose, EVENT_IDS.formReply];

const enum Seat {
  Bot = 0,
  Petitioner = 1,
  Procurator = 2,
}

/** How many letters the machine takes from a student petitioner (bots give up after the scenario's few). */
export const SEATED_LETTERS = 100;

/** Flags of a seated procurator's work on a case (World.deskFlags). */
const DESK_DEPUTY = 1;
const DESK_LIST_ASKED = 2;

/** In a seated case's story, event ids from here up are letters noted without a change of state (see noteLetter). */
const NOTED = 1000;

/** One entry of a seated case's story; `noted`: a letter that joined the pile and changed nothing. */
export type CaseHistoryEntry = { day: number; event: CaseEvent; noted?: true };

/** Case events are queued with the case's epoch, so a plan made for an earlier state is dropped. */
const EVENT_BITS = 64;

/**
 * The memo of case-machine transitions is shared by every world in the
 * process: it only holds transitions of the machine (computed by the reducer
 * proven equal to XState), so sharing changes speed, never results.
 */
const SHARED_STEPPER = new CaseStepper();

/**
 * The states where an institution or a bot schedules what happens next (the
 * `enter` switch), numbered so the hot loop switches on integers.
 * DRIVER_KINDS[k - 1] is the state path of Driver k.
 */
export const DRIVER_KINDS = [
  "complaint.unwritten",
  "complaint.inTransit",
  "complaint.forwardedToAccused",
  "complaint.lost",
  "complaint.formReply",
  "lists.awaiting",
  "commission.queued",
  "commission.fileAssembly.checking",
  "commission.fileAssembly.awaitingOriginals",
  "commission.readyForReview",
  "commission.review",
  "court.awaitingHearing",
  "court.reinvestigation",
  "spravka.awaiting",
  "spravka.atLocalMvd",
  "spravka.atProvincialProcuracy",
  "spravka.atGeneralProcuracy",
] as const;
const enum Driver {
  ComplaintUnwritten = 1,
  ComplaintInTransit,
  ComplaintForwardedToAccused,
  ComplaintLost,
  ComplaintFormReply,
  ListsAwaiting,
  CommissionQueued,
  CommissionFileAssemblyChecking,
  CommissionFileAssemblyAwaitingOriginals,
  CommissionReadyForReview,
  CommissionReview,
  CourtAwaitingHearing,
  CourtReinvestigation,
  SpravkaAwaiting,
  SpravkaAtLocalMvd,
  SpravkaAtProvincialProcuracy,
  SpravkaAtGeneralProcuracy,
}

const STAGE_INDEX: Record<string, number> = Object.fromEntries(STAGES.map((s, i) => [s, i]));

const SAVED_WORLD_FORMAT = 1;

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
  clerkDays: number[];
  stageStats: number[][];
  decisionStats: number[][];
  queue: [time: number, kind: number, a: number, b: number][];
  /** Seated cases' stories (absent in runs saved before seats kept one). */
  history?: [caseIndex: number, story: number[]][];
  /** Cases whose latest letter had other grounds or another carrier than the bots' (absent before issue #5). */
  petitions?: [caseIndex: number, grounds: number, carrier: number][];
  /** Events an instructor injected: their ids and simulated days (absent before issue #7). */
  injected?: [id: string, day: number][];
  /** Seated procurators' work on their cases (absent before issue #6). */
  desk?: [caseIndex: number, workDay: number, workHours: number, readHours: number, flags: number][];
};

export type StageSummary = { stage: Stage; meanWaitDays: number; maxQueue: number };
export type RunResult = {
  scenario: string;
  seed: number | string;
  cases: number;
  persons: number;
  outcomes: Record<Outcome, number>;
  /** persons in each outcome */
  outcomePersons: Record<Outcome, number>;
  spravka: { issued: number; withheld: number };
  letters: { written: number; forwardedToAccused: number };
  /** The commission's decisions (what provincial tallies counted), cases and persons. */
  decisions: Record<Decision, { cases: number; persons: number }>;
  daysToDecision: { median: number | null; p90: number | null };
  stages: StageSummary[];
  events: number;
};

/** One simulated province (or country): the batch driver over the case machines. */
export class World {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly stepper: CaseStepper;
  now = 0;
  eventsProcessed = 0;
  lettersWritten = 0;
  forwardedToAccused = 0;
  private readonly decisionCount = new Int32Array(DECISIONS.length);
  private readonly decisionPersons = new Int32Array(DECISIONS.length);

  private readonly n: number;
  private readonly state: Int32Array;
  private readonly persons: Uint8Array;
  private readonly camp: Int32Array;
  private readonly organ: Uint8Array;
  private readonly article: Uint8Array;
  private readonly termYears: Float32Array;
  /** 1 if the case began in exile rather than a camp (generated, so never saved). */
  private readonly startedInExile: Uint8Array;
  private readonly draws: Uint32Array;
  private readonly streams: Uint32Array;
  private readonly reviewDays: Float32Array;
  /** Who acts for the case: bots, or a student's seat. */
  private readonly seat: Uint8Array;
  /** Bumped on every change of a case's state; see Kind.CaseEvent. */
  private readonly epoch: Uint32Array;
  /** Who the case's latest letter is addressed to (index into ADDRESSEES), for routing. */
  private readonly addressee: Uint8Array;
  /** The latest letter's grounds and carrier (indexes into GROUNDS, CARRIERS; 0 for bots' letters). */
  private readonly grounds: Uint8Array;
  private readonly carrier: Uint8Array;
  /** A seated procurator's work on each case: the day of the latest work and the hours spent on it that day, hours read, DESK_* flags. */
  private readonly workDay: Int32Array;
  private readonly workHours: Float32Array;
  private readonly readHours: Float32Array;
  private readonly deskFlags: Uint8Array;
  /**
   * Called with every event a case takes (after its state changed), for
   * exports and replays that need every case's story. It must not act on the
   * world; the engine's behaviour never depends on it.
   */
  onCaseEvent: ((i: number, eventId: number) => void) | null = null;
  /** Events an instructor injected, in order (see inject). */
  private readonly injectedEvents: { id: string; day: number }[] = [];
  /** Grounds and carrier for the letter being filed now (see fileLetter). */
  private pending = { grounds: 0, carrier: 0 };
  private readonly stageOf: Int8Array;
  private readonly stageSince: Float64Array;
  private readonly knownSince: Float64Array;
  private readonly decidedAt: Float64Array;
  private readonly campCases: Int32Array[];
  private readonly campListSent: Uint8Array;
  private readonly queue: EventQueue;
  private params: Scenario;
  /** Procurators' desks and file clerks not busy now, and the cases waiting for one (RULES.reviewHours). */
  private desksFree: number;
  private clerksFree: number;
  private readonly deskQueue = new WorkQueue();
  private readonly clerkQueue = new WorkQueue();
  private readonly clerkDays: Float32Array;
  private readonly stageCount = new Int32Array(STAGES.length);
  private readonly stageMax = new Int32Array(STAGES.length);
  private readonly stageWaitSum = new Float64Array(STAGES.length);
  private readonly stageWaitN = new Float64Array(STAGES.length);
  private readonly rootStream: number;
  private readonly stageByState: number[] = [];
  private readonly kindByState: number[] = [];
  private readonly pathScratch = { time: 0, kind: 0, a: 0, b: 0 };
  private readonly decisionIds = EVENT_IDS.decide;
  private readonly rulingIds = EVENT_IDS.rule;
  private readonly decisionWeights = new Float64Array(DECISIONS.length);
  private readonly rulingWeights = new Float64Array(COURT_RULINGS.length);
  private readonly routeWeights = new Float64Array(4);
  private readonly addresseeWeights = new Float64Array(ADDRESSEES.length);
  /** For cases with a student's seat: what happened to them, as [day, event id, day, event id, …]. */
  private readonly history = new Map<number, number[]>();

  constructor(scenario: Scenario, seed: number | string, stepper = SHARED_STEPPER, saved?: SavedWorld) {
    this.scenario = scenario;
    this.params = structuredClone(scenario);
    this.seed = saved ? saved.seed : seedOf(seed);
    this.stepper = stepper;
    this.rootStream = childStream(0, "cases");
    const n = (this.n = scenario.caseload.cases);
    this.state = new Int32Array(n);
    this.persons = new Uint8Array(n);
    this.camp = new Int32Array(n);
    this.organ = new Uint8Array(n);
    this.article = new Uint8Array(n);
    this.termYears = new Float32Array(n);
    this.startedInExile = new Uint8Array(n);
    this.draws = new Uint32Array(n);
    this.streams = new Uint32Array(n);
    this.reviewDays = new Float32Array(n);
    this.addressee = new Uint8Array(n);
    this.grounds = new Uint8Array(n);
    this.carrier = new Uint8Array(n);
    this.workDay = new Int32Array(n).fill(-1);
    this.workHours = new Float32Array(n);
    this.readHours = new Float32Array(n);
    this.deskFlags = new Uint8Array(n);
    this.epoch = new Uint32Array(n);
    this.seat = new Uint8Array(n);
    this.stageOf = new Int8Array(n).fill(-1);
    this.stageSince = new Float64Array(n);
    this.knownSince = new Float64Array(n).fill(NaN);
    this.decidedAt = new Float64Array(n).fill(NaN);
    this.queue = new EventQueue(scenario.horizonDays);
    this.desksFree = scenario.desks.procurators;
    this.clerksFree = scenario.institutions.fileClerks;
    this.clerkDays = new Float32Array(n);
    this.campListSent = new Uint8Array(scenario.caseload.camps);
    this.generate();
    const campSizes = new Int32Array(scenario.caseload.camps);
    for (let i = 0; i < n; i++) campSizes[this.camp[i]!]!++;
    this.campCases = Array.from(campSizes, (size) => new Int32Array(size));
    campSizes.fill(0);
    for (let i = 0; i < n; i++) {
      const c = this.camp[i]!;
      this.campCases[c]![campSizes[c]!++] = i;
    }
    if (saved) {
      this.load(saved);
      return;
    }
    this.scheduleInstitutions();
    for (let i = 0; i < n; i++) this.enter(i, this.state[i]!);
  }

  // ── saving and resuming (the interactive driver persists runs) ─────────
  /** Everything needed to resume this run exactly, as plain JSON. */
  save(): SavedWorld {
    const states: SavedWorld["states"] = [];
    const index = new Map<number, number>();
    const caseStates = Array.from(this.state, (s) => {
      let k = index.get(s);
      if (k === undefined) {
        k = states.length;
        index.set(s, k);
        states.push([this.stepper.path[s]!, this.stepper.context(s)]);
      }
      return k;
    });
    const nums = (a: ArrayLike<number>) => Array.from(a, (x) => (Number.isNaN(x) ? null : x));
    return {
      format: SAVED_WORLD_FORMAT,
      machineVersion: CASE_MACHINE_VERSION,
      scenario: this.scenario.id,
      scenarioHash: scenarioHash(this.scenario),
      seed: this.seed,
      now: this.now,
      counters: [this.eventsProcessed, this.lettersWritten, this.forwardedToAccused],
      params: structuredClone(this.params),
      states,
      caseStates,
      draws: Array.from(this.draws),
      addressee: Array.from(this.addressee),
      epoch: Array.from(this.epoch),
      seat: Array.from(this.seat),
      reviewDays: Array.from(this.reviewDays),
      stageOf: Array.from(this.stageOf),
      stageSince: nums(this.stageSince),
      knownSince: nums(this.knownSince),
      decidedAt: nums(this.decidedAt),
      campListSent: Array.from(this.campListSent),
      free: [this.desksFree, this.clerksFree],
      deskQueue: this.deskQueue.toArray(),
      clerkQueue: this.clerkQueue.toArray(),
      clerkDays: Array.from(this.clerkDays),
      stageStats: [this.stageCount, this.stageMax, this.stageWaitSum, this.stageWaitN].map((a) => Array.from(a)),
      decisionStats: [Array.from(this.decisionCount), Array.from(this.decisionPersons)],
      queue: this.queue.entries(),
      history: [...this.history].map(([i, story]) => [i, [...story]]),
      petitions: this.petitions(),
      desk: this.deskWork(),
      injected: this.injectedEvents.map((e) => [e.id, e.day]),
    };
  }

  /** Resumes a saved run; refuses one saved by another version of the machines or for another scenario. */
  static resume(scenario: Scenario, saved: SavedWorld, stepper = SHARED_STEPPER): World {
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
    return new World(scenario, saved.seed, stepper, saved);
  }

  private load(saved: SavedWorld): void {
    const ids = saved.states.map(([path, context]) => this.stepper.adopt(snap(path, context)));
    const num = (x: number | null) => (x === null ? NaN : x);
    for (let i = 0; i < this.n; i++) {
      this.state[i] = ids[saved.caseStates[i]!]!;
      this.draws[i] = saved.draws[i]!;
      this.addressee[i] = saved.addressee[i]!;
      this.epoch[i] = saved.epoch[i]!;
      this.seat[i] = saved.seat[i]!;
      this.reviewDays[i] = saved.reviewDays[i]!;
      this.stageOf[i] = saved.stageOf[i]!;
      this.stageSince[i] = num(saved.stageSince[i]!);
      this.knownSince[i] = num(saved.knownSince[i]!);
      this.decidedAt[i] = num(saved.decidedAt[i]!);
    }
    this.now = saved.now;
    [this.eventsProcessed, this.lettersWritten, this.forwardedToAccused] = saved.counters;
    this.params = structuredClone(saved.params);
    this.campListSent.set(saved.campListSent);
    [this.desksFree, this.clerksFree] = saved.free;
    this.deskQueue.load(saved.deskQueue);
    this.clerkQueue.load(saved.clerkQueue);
    this.clerkDays.set(saved.clerkDays);
    [this.stageCount, this.stageMax, this.stageWaitSum, this.stageWaitN].forEach((a, k) => a.set(saved.stageStats[k]!));
    this.decisionCount.set(saved.decisionStats[0]!);
    this.decisionPersons.set(saved.decisionStats[1]!);
    for (const [time, kind, a, b] of saved.queue) this.queue.push(time, kind, a, b);
    for (const [i, story] of saved.history ?? []) this.history.set(i, [...story]);
    for (const [id, day] of saved.injected ?? []) this.injectedEvents.push({ id, day });
    for (const [i, day, hours, read, flags] of saved.desk ?? []) {
      this.workDay[i] = day;
      this.workHours[i] = hours;
      this.readHours[i] = read;
      this.deskFlags[i] = flags;
    }
    for (const [i, grounds, carrier] of saved.petitions ?? []) {
      this.grounds[i] = grounds;
      this.carrier[i] = carrier;
    }
  }

  private deskWork(): NonNullable<SavedWorld["desk"]> {
    const out: NonNullable<SavedWorld["desk"]> = [];
    for (let i = 0; i < this.n; i++) {
      if (this.workDay[i]! >= 0 || this.deskFlags[i]) {
        out.push([i, this.workDay[i]!, this.workHours[i]!, this.readHours[i]!, this.deskFlags[i]!]);
      }
    }
    return out;
  }

  private petitions(): NonNullable<SavedWorld["petitions"]> {
    const out: NonNullable<SavedWorld["petitions"]> = [];
    for (let i = 0; i < this.n; i++) {
      if (this.grounds[i] !== 0 || this.carrier[i] !== 0) out.push([i, this.grounds[i]!, this.carrier[i]!]);
    }
    return out;
  }

  // ── randomness: a stream per case, one per institution ─────────────────
  private caseDraw(i: number): number {
    return uniformAt(this.seed, this.streams[i]!, this.draws[i]!++);
  }
  /** One reusable Rng view onto "the current case's stream" (no allocation per draw). */
  private currentCase = 0;
  private readonly caseStream: Rng = {
    next: () => this.caseDraw(this.currentCase),
    split: () => {
      throw new Error("case streams do not split");
    },
    get state() {
      return { seed: 0, stream: 0, counter: 0 };
    },
  };
  private caseRng(i: number): Rng {
    this.currentCase = i;
    return this.caseStream;
  }
  private institutionRng(name: string): Rng {
    return rngFromState({ seed: this.seed, stream: childStream(0, name), counter: 0 });
  }
  private sample(i: number, d: Distribution): number {
    return sampleDays(this.caseRng(i), d);
  }
  private pick(i: number, weights: ArrayLike<number>): number {
    return pickWeighted(this.caseRng(i), weights);
  }

  // ── the caseload ────────────────────────────────────────────────────────
  private generate(): void {
    const c = this.scenario.caseload;
    const organWeights = SENTENCING_ORGANS.map((o) => c.organs[o]);
    const termWeights = c.termYears.map((t) => t.weight);
    const articleWeights = ARTICLES.map((a) => c.articles[a]);
    for (let i = 0; i < this.n; i++) {
      this.streams[i] = childStream(this.rootStream, i);
      const persons = 1 + Math.max(0, this.pick(i, c.personsPerCase));
      const organ = SENTENCING_ORGANS[Math.max(0, this.pick(i, organWeights))]!;
      const term = c.termYears[Math.max(0, this.pick(i, termWeights))]!.years;
      const input: CaseInput = {
        organ,
        article: "58",
        termYears: term,
        custody: this.caseDraw(i) < c.exileShare ? "exile" : "camp",
        persons,
        originalsElsewhere: this.caseDraw(i) < c.originalsElsewhereShare,
        crossChecks: Math.max(0, this.pick(i, c.crossChecks)),
        maxComplaints: 1 + Math.max(0, this.pick(i, c.maxComplaints)),
      };
      this.persons[i] = Math.min(255, persons);
      this.camp[i] = Math.min(c.camps - 1, Math.floor(this.caseDraw(i) * c.camps));
      this.article[i] = Math.max(0, this.pick(i, articleWeights));
      this.organ[i] = SENTENCING_ORGANS.indexOf(organ);
      this.termYears[i] = term;
      this.startedInExile[i] = input.custody === "exile" ? 1 : 0;
      this.state[i] = this.stepper.initial(input);
    }
  }

  private scheduleInstitutions(): void {
    const lists = this.institutionRng("camp-lists");
    const inst = this.scenario.institutions;
    for (let camp = 0; camp < this.scenario.caseload.camps; camp++) {
      const withheld = lists.next() < inst.listsWithheldShare;
      const day = sampleDays(lists, inst.listDelay);
      if (!withheld) this.queue.push(day, Kind.CampList, camp, 0);
    }
    const start = dayNumber(this.scenario.startDate);
    this.scenario.events.forEach((event, index) => {
      const day = dayNumber(event.date) - start;
      // Events before the start date are already in force on day 0 (in date order).
      if (day <= this.scenario.horizonDays) this.queue.push(Math.max(0, day), Kind.History, index, 0);
    });
  }

  // ── the driver: what institutions and bots do when a case enters a state ─
  private stageIndexOf(stateId: number): number {
    let s = this.stageByState[stateId];
    if (s === undefined) {
      const path = this.stepper.path[stateId]!;
      const top = path.split(".")[0]!;
      s = path === "complaint.unwritten" ? -1 : (STAGE_INDEX[top] ?? -1);
      this.stageByState[stateId] = s;
    }
    return s;
  }

  /** The driver's case label for a state: 1 + its index in DRIVER_KINDS, 0 for states where nothing is scheduled. */
  private kindOf(stateId: number): number {
    let k = this.kindByState[stateId];
    if (k === undefined) {
      k = (DRIVER_KINDS as readonly string[]).indexOf(this.stepper.path[stateId]!) + 1;
      this.kindByState[stateId] = k;
    }
    return k;
  }

  /** Hands free clerks the oldest waiting files; each clerk is busy until the file is assembled. */
  private dispatchClerks(): void {
    while (this.clerksFree > 0 && this.clerkQueue.size > 0) {
      const i = this.clerkQueue.shift();
      if (this.clerkQueue.lastEpoch !== this.epoch[i]) continue; // moved on while waiting
      this.clerksFree--;
      const done = this.now + this.clerkDays[i]!;
      this.at(i, done, EVENT_IDS.assemble);
      this.queue.push(done, Kind.ClerkFree, 0, 0);
    }
  }

  /** Gives free desks the oldest complete files; a desk is busy for the file's review time. */
  private dispatchDesks(): void {
    while (this.desksFree > 0 && this.deskQueue.size > 0) {
      const i = this.deskQueue.shift();
      if (this.deskQueue.lastEpoch !== this.epoch[i]) continue;
      this.desksFree--;
      this.queue.push(this.now + this.reviewDays[i]!, Kind.DeskFree, 0, 0);
      this.at(i, this.now, EVENT_IDS.reviewStart);
    }
  }

  private leaveStage(i: number): void {
    const stage = this.stageOf[i]!;
    if (stage < 0) return;
    this.stageCount[stage]!--;
    this.stageWaitSum[stage]! += this.now - this.stageSince[i]!;
    this.stageWaitN[stage]!++;
    this.stageOf[i] = -1;
  }

  /**
   * Seats a student on case i: a petitioner writes its letters, a procurator
   * decides it; bots then leave that part to the student. Null hands it back.
   */
  assignSeat(i: number, role: "petitioner" | "procurator" | null): void {
    if (i < 0 || i >= this.n) throw new RangeError(`no case ${i}`);
    this.seat[i] = role === "petitioner" ? Seat.Petitioner : role === "procurator" ? Seat.Procurator : Seat.Bot;
    if (role === "petitioner") {
      // A bot gives up after a few letters; a student decides for themselves (the server limits the pace).
      const s = this.state[i]!;
      const context = this.stepper.context(s);
      if (context.maxComplaints < SEATED_LETTERS) {
        this.state[i] = this.stepper.adopt(snap(this.stepper.path[s]!, { ...context, maxComplaints: SEATED_LETTERS }));
      }
    }
    this.epoch[i]!++; // drop the bots' plans for this case
    this.enter(i, this.state[i]!);
  }

  private enter(i: number, stateId: number): void {
    const now = this.now;
    const stage = this.stageIndexOf(stateId);
    const previous = this.stageOf[i]!;
    if (stage !== previous) {
      if (previous >= 0) {
        this.stageCount[previous]!--;
        this.stageWaitSum[previous]! += now - this.stageSince[i]!;
        this.stageWaitN[previous]!++;
      }
      if (stage >= 0) {
        const count = ++this.stageCount[stage]!;
        if (count > this.stageMax[stage]!) this.stageMax[stage] = count;
        this.stageSince[i] = now;
        if (Number.isNaN(this.knownSince[i]!) && stage >= STAGE_INDEX.lists!) this.knownSince[i] = now;
      }
      this.stageOf[i] = stage;
    }
    const p = this.params;
    const ctx = this.stepper.context(stateId);
    switch (this.kindOf(stateId)) {
      case Driver.ComplaintUnwritten:
        if (this.seat[i] === Seat.Petitioner) return; // the student writes
        if (this.caseDraw(i) < p.caseload.complaintShare) {
          this.at(i, now + this.sample(i, p.caseload.firstComplaint), this.addresseeEvent(i));
        }
        return;
      case Driver.ComplaintInTransit: {
        const to = ADDRESSEES[this.addressee[i]!]!;
        const grounds = GROUNDS[this.grounds[i]!]!;
        const carrier = CARRIERS[this.carrier[i]!]!;
        const E = PETITION_EFFECTS;
        const slower = carrier === "friend" ? E.friendTransit.by : carrier === "relative" ? E.relativeTransit.by : 1;
        const transit = now + this.sample(i, p.institutions.complaintTransit) * slower;
        const pardonShare = p.institutions.presidiumPardonShare * (grounds === "mercy" ? E.mercyPardon.by : 1);
        if (to === "presidium" && this.caseDraw(i) < pardonShare) {
          this.queue.push(transit + this.sample(i, p.institutions.presidiumDays), Kind.Petition, i, EVENT_IDS.pardon);
        }
        const r = p.institutions.routing[to];
        const w = this.routeWeights;
        w[0] = r.register;
        w[1] = r.forwardToAccused;
        w[2] = r.lose;
        w[3] = r.formReply;
        // How it travels and what it rests on (lib/sim/petitions.ts).
        // Handed over in person, it arrives; only a letter to the camp itself can still land with the camp chiefs.
        if (carrier === "friend") {
          w[2] = w[2]! * E.friendDiverted.by;
          if (to !== "campAdministration") w[1] = w[1]! * E.friendDiverted.by;
        }
        if (carrier === "relative") w[2] = w[2]! * E.relativeLose.by;
        if (grounds === "amnesty" && !amnesty1953Covers(this.termYears[i]!) && to !== "presidium")
          w[3] = w[3]! * E.amnestyRefused.by;
        // The schema guarantees a positive weight, so k ≥ 0.
        this.at(i, transit, ROUTES[this.pick(i, w)]!);
        return;
      }
      case Driver.ComplaintForwardedToAccused:
      case Driver.ComplaintLost:
      case Driver.ComplaintFormReply:
        if (this.seat[i] === Seat.Petitioner) return; // the student decides whether to write again
        if (ctx.complaints < ctx.maxComplaints) {
          this.at(i, now + this.sample(i, p.institutions.rewrite), this.addresseeEvent(i));
        } else {
          this.leaveStage(i); // gave up: no longer waiting on anyone (a camp list may still bring the case up)
        }
        return;
      case Driver.ListsAwaiting:
        if (this.campListSent[this.camp[i]!]) this.at(i, now, EVENT_IDS.listsArrive);
        else if (p.institutions.proceedWithoutLists) {
          this.at(i, now + this.sample(i, p.institutions.proceedWithoutListsAfter), EVENT_IDS.proceedWithout);
        }
        return;
      case Driver.CommissionQueued:
        this.clerkDays[i] = this.sample(i, p.institutions.fileAssembly);
        this.clerkQueue.push(i, this.epoch[i]!);
        this.dispatchClerks();
        return;
      case Driver.CommissionFileAssemblyChecking:
        if (this.seat[i] === Seat.Procurator) {
          // The student requests the originals and checks testimony themselves; a complete file moves on.
          if ((!ctx.originalsElsewhere || ctx.originalsRequested) && ctx.crossChecksDone >= ctx.crossChecks) {
            this.at(i, now, EVENT_IDS.complete);
          }
          return;
        }
        if (ctx.originalsElsewhere && !ctx.originalsRequested) this.at(i, now, EVENT_IDS.requestOriginals);
        else if (ctx.crossChecksDone < ctx.crossChecks)
          this.at(i, now + this.sample(i, p.institutions.crossCheck), EVENT_IDS.crossCheck);
        else this.at(i, now, EVENT_IDS.complete);
        return;
      case Driver.CommissionFileAssemblyAwaitingOriginals:
        this.at(i, now + this.sample(i, p.institutions.originalsDelay), EVENT_IDS.originalsArrive);
        return;
      case Driver.CommissionReadyForReview: {
        // Without the camp's list there is nothing to check a complaint against: slower (RULES.complaintsOnly).
        const slower = ctx.complaintsOnly ? p.institutions.complaintsOnlyReviewFactor : 1;
        const hours = this.sample(i, p.desks.reviewHoursPerPerson) * this.persons[i]! * slower;
        this.reviewDays[i] = hours / p.desks.hoursPerDay;
        // A student's own desk takes the file at once: their hours, not the province's desks, are the limit.
        if (this.seat[i] === Seat.Procurator) {
          this.at(i, now, EVENT_IDS.reviewStart);
          return;
        }
        this.deskQueue.push(i, this.epoch[i]!);
        this.dispatchDesks();
        return;
      }
      case Driver.CommissionReview: {
        if (this.seat[i] === Seat.Procurator) return; // the student decides
        const weights = this.decisionWeights;
        const grounds = GROUNDS[this.grounds[i]!]!;
        for (let k = 0; k < DECISIONS.length; k++) {
          const d = DECISIONS[k]!;
          const w = p.policy.decisions[d] * (d === "confirmRefusal" ? p.policy.bias : 1) * groundsFactor(grounds, d);
          weights[k] = w > 0 && this.stepper.can(stateId, this.decisionIds[k]!) ? w : 0;
        }
        // No decision the policy allows is available: the file stays on the desk.
        const k = this.pick(i, weights);
        if (k >= 0) this.at(i, now + this.reviewDays[i]!, this.decisionIds[k]!);
        return;
      }
      case Driver.CourtAwaitingHearing:
      case Driver.CourtReinvestigation: {
        const weights = this.rulingWeights;
        for (let k = 0; k < COURT_RULINGS.length; k++) {
          weights[k] = this.stepper.can(stateId, this.rulingIds[k]!)
            ? p.institutions.courtRulings[COURT_RULINGS[k]!]
            : 0;
        }
        const delay =
          this.kindOf(stateId) === Driver.CourtAwaitingHearing
            ? p.institutions.courtBacklog
            : p.institutions.reinvestigation;
        const k = this.pick(i, weights);
        if (k >= 0) this.at(i, now + this.sample(i, delay), this.rulingIds[k]!);
        return;
      }
      case Driver.SpravkaAwaiting:
      case Driver.SpravkaAtLocalMvd:
      case Driver.SpravkaAtProvincialProcuracy:
      case Driver.SpravkaAtGeneralProcuracy: {
        const level = ctx.spravkaRequests;
        const when = now + this.sample(i, p.institutions.spravkaWait);
        if (this.caseDraw(i) < p.institutions.spravkaIssueShare[Math.min(3, level)]!) {
          // For a student's case the certificate comes even if they ask again meanwhile (asking never cancels it).
          if (this.seat[i] === Seat.Petitioner) this.queue.push(when, Kind.Petition, i, EVENT_IDS.spravkaIssue);
          else this.at(i, when, EVENT_IDS.spravkaIssue);
        }
        // A seated petitioner asks again (or not) themselves, from their desk.
        else if (level < 3 && this.seat[i] !== Seat.Petitioner) this.at(i, when, EVENT_IDS.spravkaRequest);
        return;
      }
      default:
        return;
    }
  }

  /** A new letter: complaint.file to an addressee drawn from the scenario's mix. */
  private addresseeEvent(i: number): number {
    const mix = this.params.caseload.addressees;
    const w = this.addresseeWeights;
    for (let k = 0; k < ADDRESSEES.length; k++) w[k] = mix[ADDRESSEES[k]!];
    return EVENT_IDS.fileTo[Math.max(0, this.pick(i, w))]!;
  }

  private at(i: number, time: number, eventId: number): void {
    if (time < this.now) throw new Error(`case ${i}: event ${eventId} scheduled in the past (${time} < ${this.now})`);
    this.queue.push(time, Kind.CaseEvent, i, this.epoch[i]! * EVENT_BITS + eventId);
  }

  // ── stepping ────────────────────────────────────────────────────────────
  /** Sends one event to one case, as a bot, an institution or a player would. Returns false if the machine refuses it. */
  sendCaseEvent(i: number, eventId: number): boolean {
    const before = this.state[i]!;
    const next = this.stepper.step(before, eventId);
    if (next === REFUSED) return false;
    this.eventsProcessed++;
    if (next === before) return true;
    this.epoch[i]!++;
    // Only cases a student sits on keep their story (the seat's timeline); the rest stay lean.
    if (this.seat[i] !== Seat.Bot) {
      let story = this.history.get(i);
      if (!story) this.history.set(i, (story = []));
      story.push(this.now, eventId);
    }
    const letterTo = LETTER_OF_EVENT[eventId]!;
    if (letterTo >= 0) {
      this.addressee[i] = letterTo;
      this.grounds[i] = this.pending.grounds;
      this.carrier[i] = this.pending.carrier;
    }
    this.state[i] = next;
    this.onCaseEvent?.(i, eventId);
    const decision = DECISION_OF_EVENT[eventId]!;
    if (decision >= 0) {
      this.decisionCount[decision]!++;
      this.decisionPersons[decision]! += this.persons[i]!;
    }
    if ((decision >= 0 || eventId === EVENT_IDS.pardon) && Number.isNaN(this.decidedAt[i]!))
      this.decidedAt[i] = this.now;
    if (eventId === EVENT_IDS.forwardToAccused) this.forwardedToAccused++;
    if (this.kindOf(next) === Driver.ComplaintInTransit) this.lettersWritten++;
    this.enter(i, next);
    return true;
  }

  /**
   * A student's letter: complaint.file to `addressee`, resting on `grounds`,
   * carried by `carrier` (lib/sim/petitions.ts). Returns false, changing
   * nothing, if the machine refuses it.
   */
  fileLetter(i: number, letter: { addressee: Addressee; grounds: Grounds; carrier: Carrier }): boolean {
    this.pending = { grounds: GROUNDS.indexOf(letter.grounds), carrier: CARRIERS.indexOf(letter.carrier) };
    try {
      return this.sendCaseEvent(i, caseEventId({ type: "complaint.file", addressee: letter.addressee }));
    } finally {
      this.pending = { grounds: 0, carrier: 0 };
    }
  }

  /** Advances simulated time to `day` (not past the horizon), processing every event due by then. */
  advanceTo(day: number): void {
    const until = Math.min(day, this.scenario.horizonDays);
    const out = this.pathScratch;
    while (this.queue.size > 0 && this.queue.peekTime() <= until) {
      this.queue.pop(out);
      this.now = out.time;
      switch (out.kind) {
        case Kind.CaseEvent:
          if (Math.floor(out.b / EVENT_BITS) === this.epoch[out.a]) this.sendCaseEvent(out.a, out.b % EVENT_BITS);
          break;
        case Kind.Petition:
          this.sendCaseEvent(out.a, out.b);
          break;
        case Kind.DeskFree:
          this.desksFree++;
          this.dispatchDesks();
          break;
        case Kind.ClerkFree:
          this.clerksFree++;
          this.dispatchClerks();
          break;
        case Kind.CampList:
          this.listArrives(out.a);
          break;
        case Kind.History:
          for (const effect of this.scenario.events[out.a]!.effects) this.applyEffect(effect);
          break;
      }
    }
    this.now = Math.max(this.now, until);
  }

  private listArrives(camp: number): void {
    if (this.campListSent[camp]) return;
    this.campListSent[camp] = 1;
    this.eventsProcessed++;
    for (const i of this.campCases[camp]!) {
      // Cases not yet at the commission: no letter yet, a letter on its way, or waiting for this list.
      const s = this.state[i]!;
      if (!this.stepper.done[s] && this.stageIndexOf(s) <= STAGE_INDEX.lists!)
        this.sendCaseEvent(i, EVENT_IDS.listsArrive);
    }
  }

  /** A historical event or an instructor's injection. Throws EffectError (and changes nothing) if it cannot apply. */
  applyEffect(effect: Effect): void {
    if ("action" in effect) {
      for (let camp = 0; camp < this.campListSent.length; camp++) this.listArrives(camp);
      return;
    }
    const before = this.params;
    this.params = applyEffectTo(this.params, effect);
    // Staff changes reach the backlog at once: new desks take waiting files now;
    // after a cut, desks close as their current files are finished.
    this.desksFree += this.params.desks.procurators - before.desks.procurators;
    this.clerksFree += this.params.institutions.fileClerks - before.institutions.fileClerks;
    this.dispatchDesks();
    this.dispatchClerks();
  }

  /**
   * An instructor's injected event (issue #7): its effects apply from now,
   * like a scheduled historical event, and the world remembers it so seats
   * can be told. Throws EffectError, changing nothing, if an effect cannot apply.
   */
  inject(id: string, effects: readonly Effect[]): void {
    // Check every effect first (applyEffectTo throws on one that cannot apply), so a bad one changes nothing.
    let probe = this.params;
    for (const effect of effects) if (!("action" in effect)) probe = applyEffectTo(probe, effect);
    for (const effect of effects) this.applyEffect(effect);
    this.injectedEvents.push({ id, day: this.now });
  }

  /** The run's parameters now: the scenario after the historical events and injections so far. */
  get parameters(): Readonly<Scenario> {
    return this.params;
  }

  /** The events injected so far, oldest first. */
  injections(): readonly { id: string; day: number }[] {
    return this.injectedEvents;
  }

  /** Outcome counts and queue figures at the current time. */
  result(seedLabel: number | string): RunResult {
    const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
    const outcomePersons = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
    let persons = 0;
    let issued = 0;
    let withheld = 0;
    const waits: number[] = [];
    const waitSum = Float64Array.from(this.stageWaitSum);
    const waitN = Float64Array.from(this.stageWaitN);
    for (let i = 0; i < this.n; i++) {
      const s = this.state[i]!;
      const outcome = this.stepper.outcome[s]!;
      outcomes[outcome]++;
      outcomePersons[outcome] += this.persons[i]!;
      persons += this.persons[i]!;
      const path = this.stepper.path[s]!;
      if (path === "rehabilitated") issued++;
      else if (path.startsWith("spravka.")) withheld++;
      const decided = this.decidedAt[i]!;
      const known = this.knownSince[i]!;
      if (!Number.isNaN(decided) && !Number.isNaN(known)) waits.push(decided - known);
      const stage = this.stageOf[i]!;
      if (stage >= 0) {
        waitSum[stage]! += this.now - this.stageSince[i]!;
        waitN[stage]!++;
      }
    }
    waits.sort((a, b) => a - b);
    return {
      scenario: this.scenario.id,
      seed: seedLabel,
      cases: this.n,
      persons,
      outcomes,
      outcomePersons,
      spravka: { issued, withheld },
      letters: { written: this.lettersWritten, forwardedToAccused: this.forwardedToAccused },
      decisions: Object.fromEntries(
        DECISIONS.map((d, k) => [d, { cases: this.decisionCount[k]!, persons: this.decisionPersons[k]! }]),
      ) as Record<Decision, { cases: number; persons: number }>,
      daysToDecision: { median: quantile(waits, 0.5), p90: quantile(waits, 0.9) },
      stages: STAGES.map((stage, k) => ({
        stage,
        meanWaitDays: waitN[k]! > 0 ? round1(waitSum[k]! / waitN[k]!) : 0,
        maxQueue: this.stageMax[k]!,
      })),
      events: this.eventsProcessed,
    };
  }

  /**
   * The real facts of case i (the machines share states between cases their
   * guards cannot tell apart, so the state's own context holds stand-ins for
   * article, organ, term and persons).
   */
  caseFacts(i: number): CaseContext {
    const c = this.stepper.context(this.state[i]!);
    return {
      ...c,
      organ: SENTENCING_ORGANS[this.organ[i]!]!,
      article: ARTICLES[this.article[i]!]!,
      termYears: this.termYears[i]!,
      persons: this.persons[i]!,
      custody: c.custody,
    };
  }

  /**
   * What happened to case i since a student took its seat, oldest first:
   * every change of state, with its simulated day and the event (a player's,
   * a bot's or an institution's). Empty for cases no student sits on.
   */
  caseHistory(i: number): CaseHistoryEntry[] {
    const story = this.history.get(i) ?? [];
    const out: CaseHistoryEntry[] = [];
    for (let k = 0; k < story.length; k += 2) {
      const id = story[k + 1]!;
      out.push(
        id >= NOTED
          ? { day: story[k]!, event: CASE_EVENTS[id - NOTED]!, noted: true }
          : { day: story[k]!, event: CASE_EVENTS[id]! },
      );
    }
    return out;
  }

  /**
   * Notes in a seated case's story a letter the machine did not take (an
   * earlier one still unanswered, or the case already under review): it
   * joins the pile and changes nothing else.
   */
  noteLetter(i: number, addressee: Addressee): void {
    if (this.seat[i] === Seat.Bot) return;
    let story = this.history.get(i);
    if (!story) this.history.set(i, (story = []));
    story.push(this.now, NOTED + caseEventId({ type: "complaint.file", addressee }));
  }

  /**
   * A seated procurator spends `hours` of today on case i (reading the file
   * when `read`). The desk's daily budget is checked by the caller; here the
   * work is only recorded, so replaying the class's log rebuilds it.
   */
  recordDeskWork(i: number, hours: number, work: { read?: boolean; deputy?: boolean; list?: boolean } = {}): void {
    const today = Math.floor(this.now);
    if (this.workDay[i] !== today) {
      this.workDay[i] = today;
      this.workHours[i] = 0;
    }
    this.workHours[i]! += hours;
    if (work.read) this.readHours[i]! += hours;
    if (work.deputy) this.deskFlags[i]! |= DESK_DEPUTY;
    if (work.list) this.requestCampList(i);
  }

  /**
   * A seated procurator writes to the camp for case i's entry in its list
   * (RULES.complaintsOnly: camps did not send them). The camp may never answer
   * — as often as camps withheld their lists — or answers after a list's
   * usual delay (both the scenario's; that a request works so is invented).
   */
  private requestCampList(i: number): void {
    this.deskFlags[i]! |= DESK_LIST_ASKED;
    if (this.caseDraw(i) < this.params.institutions.listsWithheldShare) return;
    this.at(i, this.now + this.sample(i, this.params.institutions.listDelay), EVENT_IDS.listsArrive);
  }

  /** A seated procurator's work on case i: hours spent today, hours read in all, whether the deputy was asked and the camp's list requested. */
  deskState(i: number): { hoursToday: number; readHours: number; deputy: boolean; listAsked: boolean } {
    return {
      hoursToday: this.workDay[i] === Math.floor(this.now) ? this.workHours[i]! : 0,
      readHours: this.readHours[i]!,
      deputy: (this.deskFlags[i]! & DESK_DEPUTY) !== 0,
      listAsked: (this.deskFlags[i]! & DESK_LIST_ASKED) !== 0,
    };
  }

  /** Hours a procurator needs to read case i's file (drawn when it became ready for review; 0 before). */
  reviewHours(i: number): number {
    return Math.round(this.reviewDays[i]! * this.params.desks.hoursPerDay * 2) / 2;
  }

  /** Whether case i's people were in a camp (not in exile) when the run began. */
  startedInCamp(i: number): boolean {
    return this.startedInExile[i] === 0;
  }

  /** How many cases the world holds. */
  get caseCount(): number {
    return this.n;
  }

  /** Whether the case machine would accept event `eventId` for case i now (nothing changes). */
  canSend(i: number, eventId: number): boolean {
    return this.stepper.can(this.state[i]!, eventId);
  }

  /**
   * A number that changes whenever case i changes (state or seat): the
   * interactive driver's guard against acting on a case someone else has
   * just moved.
   */
  caseVersion(i: number): number {
    return this.epoch[i]!;
  }

  /** The stage case i waits in (or null once decided or given up) and since which simulated day. */
  caseStage(i: number): { stage: Stage | null; sinceDay: number | null } {
    const k = this.stageOf[i]!;
    return k < 0 ? { stage: null, sinceDay: null } : { stage: STAGES[k]!, sinceDay: this.stageSince[i]! };
  }

  /** How many cases wait in each stage now. */
  stageCounts(): Record<Stage, number> {
    return Object.fromEntries(STAGES.map((s, k) => [s, this.stageCount[k]!])) as Record<Stage, number>;
  }

  /** Every case counted once: waiting in a stage, undecided with nobody pursuing it (yet), or decided. */
  tally(): { stages: Record<Stage, number>; unpursued: number; decided: number } {
    let decided = 0;
    for (let i = 0; i < this.n; i++) if (this.stepper.done[this.state[i]!]) decided++;
    const stages = this.stageCounts();
    const waiting = STAGES.reduce((sum, s) => sum + stages[s], 0);
    return { stages, unpursued: this.n - waiting - decided, decided };
  }

  /** The current state of case i, for the interactive driver and tests. */
  caseState(i: number): { path: string; outcome: Outcome } {
    const s = this.state[i]!;
    return { path: this.stepper.path[s]!, outcome: this.stepper.outcome[s]! };
  }
}

export function sendCaseEventById(world: World, i: number, event: CaseEvent): boolean {
  return world.sendCaseEvent(i, caseEventId(event));
}

/** Runs a scenario to its horizon. */
export function runScenario(scenario: Scenario, seed: number | string): RunResult {
  const world = new World(scenario, seed);
  world.advanceTo(scenario.horizonDays);
  return world.result(seed);
}

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return round1(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** A fingerprint of a scenario's settings. */
export function scenarioHash(scenario: Scenario): number {
  return hashString(JSON.stringify(scenario));
}

/** Days since 1970-01-01 for a YYYY-MM-DD date (calendar arithmetic, not the wall clock). */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}
