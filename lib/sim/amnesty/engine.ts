/**
 * The 1945 amnesty run: the whole population sorted by the decree on day 0,
 * then a day at a time the stages serve their queues up to their capacity
 * (the records departments in the July 12 priority order), while new
 * prisoners keep arriving ("the revolving door").
 *
 * A day is the source's own grain (it tallied every five days), and it keeps
 * a national run of 1.5 million prisoners linear and quick: each prisoner is
 * a handful of array entries and table lookups (./stepper.ts). Deterministic:
 * every draw comes from the seeded streams of lib/sim/rng.ts.
 */
import type { SnapshotFrom } from "xstate";
import {
  amnestyPrisonerMachine,
  freedWhateverTheTerm1945,
  NOT_COVERED_OFFENCES_1945,
  OFFENCES_1945,
  PRIORITY_GROUPS_1945,
  type Offence1945,
} from "@/machines/amnesty-1945.machine";
import { AMNESTY_1945_MAX_TERM_YEARS } from "@/machines/rules";
import { WorkQueue } from "@/lib/sim/work-queue";
import { createRng, normal, pickWeighted, type Rng } from "@/lib/sim/rng";
import { sampleDays } from "@/lib/sim/distributions";
import { kaplanMeier, type Waits } from "@/lib/sim/survival";
import { A_EVENT, A_REFUSED, amnestyStepper, kindOf } from "./stepper";
import { DECREE_CATEGORIES_1945, type AmnestyMetric, type AmnestyScenario } from "./scenario";

/** The queues people wait in, in the order they pass them. */
export const AMNESTY_STAGES = ["fileCheck", "signature", "passportRoster", "transit", "recalculation"] as const;
export type AmnestyStage = (typeof AMNESTY_STAGES)[number];

/** Where each prisoner ended the run. */
export const AMNESTY_OUTCOMES = [
  /** freed and gone home */
  "freedHome",
  /** freed, still waiting for a railcar at a transit checkpoint */
  "freedInTransit",
  /** freed on paper, kept on as "voluntary" labour */
  "keptOn",
  /** freed in error and returned */
  "returnedAfterError",
  /** covered by the decree, still in a queue inside the camp */
  "stillWaiting",
  /** found to be a recidivist on the file check */
  "excludedAsRecidivist",
  "termHalved",
  /** to be halved, not yet recalculated */
  "awaitingRecalculation",
  "notCovered",
] as const;
export type AmnestyOutcome = (typeof AMNESTY_OUTCOMES)[number];

export type AmnestyResult = {
  scenario: string;
  seed: number | string;
  /** prisoners held on day 0 (in the run: the scenario's, or a sample) */
  cases: number;
  persons: number;
  outcomes: Record<AmnestyOutcome, number>;
  /** prisoners the decree's categories covered for release */
  qualifying: number;
  freed: { total: number; fromCamps: number; fromColonies: number };
  termsHalved: number;
  /** From the decree (day 0) to leaving the camp, over those the decree covered; the still-held counted as waiting. */
  daysFromStart: Waits;
  /** From the decree to the records department's determination, over those it covered. */
  daysToDecision: Waits;
  /** From leaving the camp to boarding a railcar home, over those who left. */
  daysInTransit: Waits;
  stages: { stage: AmnestyStage; meanWaitDays: number; maxQueue: number }[];
  waitingNow: Record<AmnestyStage, number>;
  /** Share of each limited stage's capacity used on the days someone was waiting for it: near 1, it held people up. */
  capacity: { clerkUse: number; passportUse: number; railcarUse: number };
  /** The source's tally dates, with the run's count of those freed by each. */
  releasedByDate: { day: number; date: string; label: string; freed: number; historical: number | null }[];
  /** Freed by each day of the run (index = day), for charts. */
  freedByDay: number[];
  /** Those the decree covered still waiting inside the camp (file check, signature, passport roster) each day. */
  waitingByDay: number[];
  newPrisoners: { total: number; shirking: number; byDay: number[] };
  /** held at the end: those never freed, those returned, and the new arrivals */
  heldAtEnd: number;
  events: number;
};

/** Days since the decree as a calendar date (YYYY-MM-DD). */
export function amnestyDate(scenario: AmnestyScenario, day: number): string {
  const d = new Date(`${scenario.startDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + day);
  return d.toISOString().slice(0, 10);
}

/** Capacity a day, scaled from "per 100,000 held" to this run's population. */
function perDay(per100k: number, held: number): number {
  return (per100k * held) / 100_000;
}

export type AmnestyRunOptions = {
  /** prisoners to simulate instead of the scenario's population: a sampled camp, capacities scaled alike */
  cases?: number;
  /** told the share of the run done (0 … 1) after each day, for a progress bar */
  onProgress?: (done: number) => void;
};

/** Why a seat's action cannot be done, in words for the student. */
export type AmnestyVerdict = { ok: true } | { ok: false; reason: string };

export type AmnestyWorldOptions = AmnestyRunOptions & {
  /**
   * The class's records clerks, by seat number. With any, the release files
   * are theirs to check (the class is the camp's records department); the
   * computer only recalculates terms to halve, unless it helps.
   */
  clerkSeats?: readonly number[];
  /** with clerk seats: the computer checks release files too, at the camp's usual pace */
  computerHelps?: boolean;
};

/**
 * A 1945 amnesty camp (or the whole country) a day at a time, which students
 * can act in: a records clerk checks a file (thoroughly, or hurried), a
 * prisoner signs the determination. Without seats it is the batch run of
 * runAmnesty, draw for draw.
 */
export class AmnestyWorld {
  readonly held: number;
  private readonly stepper = amnestyStepper();
  private readonly st: AmnestyScenario["stages"];
  private readonly draws: Record<"population" | "arrivals" | "checks" | "signature" | "keepOn" | "errors", Rng>;
  private readonly state: Int32Array;
  /** The facts (index into OFFENCES_1945, the term, recidivist or not): what a clerk's file and a prisoner's seat show. */
  private readonly offence: Uint8Array;
  private readonly termYears: Uint8Array;
  private readonly recidivist: Uint8Array;
  private readonly colony: Uint8Array;
  private readonly priority: Uint8Array;
  /** day the prisoner entered the stage it waits in */
  private readonly entered: Int16Array;
  private readonly decidedDay: Int16Array;
  private readonly freedDay: Int16Array;
  private readonly departedDay: Int16Array;
  // Prisoner indices, first in first out (the engine's own queue; the epoch it keeps is unused here: always 0).
  private readonly priorityQueues: WorkQueue[];
  private readonly recalculation = new WorkQueue();
  private readonly passportQueue = new WorkQueue();
  private readonly transitQueue = new WorkQueue();
  private readonly signatureDue: number[][];
  private readonly errorDue: number[][];
  private readonly waitSum = new Float64Array(AMNESTY_STAGES.length);
  private readonly waitCount = new Float64Array(AMNESTY_STAGES.length);
  private readonly maxQueue = new Float64Array(AMNESTY_STAGES.length);
  private readonly inStage = new Float64Array(AMNESTY_STAGES.length);
  private readonly used = { records: 0, passports: 0, railcars: 0 };
  private readonly offered = { records: 0, passports: 0, railcars: 0 };
  private readonly carry = { records: 0, passports: 0, railcars: 0 };
  private readonly freedByDay: number[] = [];
  private readonly waitingByDay: number[] = [];
  private readonly arrivalsByDay: number[] = [];
  private readonly clerkSeats: Set<number>;
  private readonly computerHelps: boolean;
  /**
   * When each clerk seat's work runs out, in days (day 12.25: a quarter of
   * day 12's working hours are taken). A check longer than a working day
   * runs on into the next: the clerk can start another only on a day with
   * hours left.
   */
  private readonly clerkBusyUntil = new Map<number, number>();
  /** Prisoners a student plays: they sign their own determination (the computer does not sign for them). */
  private readonly seatedPrisoners = new Set<number>();
  private qualifying = 0;
  private events = 0;
  private freedSoFar = 0;
  private arrived = 0;
  private shirking = 0;
  /** the next day to run: days 0 … day-1 are done */
  private day = 0;

  constructor(
    readonly scenario: AmnestyScenario,
    readonly seed: number | string,
    private readonly options: AmnestyWorldOptions = {},
  ) {
    const held = options.cases ?? scenario.population.sample ?? scenario.population.held;
    this.held = held;
    this.st = scenario.stages;
    this.clerkSeats = new Set(options.clerkSeats ?? []);
    this.computerHelps = options.computerHelps === true;
    const root = createRng(seed, `amnesty:${scenario.id}`);
    this.draws = {
      population: root.split("population"),
      arrivals: root.split("arrivals"),
      checks: root.split("checks"),
      signature: root.split("signature"),
      keepOn: root.split("keepOn"),
      errors: root.split("errors"),
    };
    this.state = new Int32Array(held);
    this.offence = new Uint8Array(held);
    this.termYears = new Uint8Array(held);
    this.recidivist = new Uint8Array(held);
    this.colony = new Uint8Array(held);
    this.priority = new Uint8Array(held);
    this.entered = new Int16Array(held);
    this.decidedDay = new Int16Array(held).fill(-1);
    this.freedDay = new Int16Array(held).fill(-1);
    this.departedDay = new Int16Array(held).fill(-1);
    this.priorityQueues = PRIORITY_GROUPS_1945.map(() => new WorkQueue());
    this.signatureDue = Array.from({ length: scenario.horizonDays + 1 }, () => []);
    this.errorDue = Array.from({ length: scenario.horizonDays + 1 }, () => []);
    this.sortThePopulation();
  }

  /** July 7: every prisoner drawn from the scenario's shares and sorted by the decree's categories. */
  private sortThePopulation(): void {
    const pop = this.scenario.population;
    const categoryWeights = DECREE_CATEGORIES_1945.map((c) => pop.categories[c]);
    const freedOffenceWeights = OFFENCES_1945.map((o) => pop.freedOffences[o]);
    const notCoveredWeights = NOT_COVERED_OFFENCES_1945.map((o) => pop.notCoveredOffences[o]);
    const priorityWeights = PRIORITY_GROUPS_1945.map((g) => pop.priorityGroups[g]);
    const notCoveredIndex = NOT_COVERED_OFFENCES_1945.map((o) => OFFENCES_1945.indexOf(o));
    const ordinary = OFFENCES_1945.indexOf("ordinary");
    // An offence the decree frees only with a short term (RULES.amnesty1945Release): the rule's, not a list of our own.
    const freedByTermOnly = OFFENCES_1945.map((o) => !freedWhateverTheTerm1945(o));
    const MAX = AMNESTY_1945_MAX_TERM_YEARS;
    const rng = this.draws.population;
    for (let i = 0; i < this.held; i++) {
      const category = DECREE_CATEGORIES_1945[pickWeighted(rng, categoryWeights)]!;
      const recidivist = rng.next() < pop.recidivistShare;
      // The term only matters as "three years or less" or not (RULES.amnesty1945Release); the sorting below reads it.
      const offence =
        category === "freed"
          ? pickWeighted(rng, freedOffenceWeights)
          : category === "halved"
            ? ordinary
            : notCoveredIndex[pickWeighted(rng, notCoveredWeights)]!;
      const shortTerm = category === "freed" && freedByTermOnly[offence]!;
      const termYears = shortTerm ? 1 + Math.floor(rng.next() * MAX) : MAX + 1 + Math.floor(rng.next() * 7);
      this.colony[i] =
        rng.next() < (category === "freed" ? pop.freedInColoniesShare : pop.othersInColoniesShare) ? 1 : 0;
      const priority = category === "freed" ? pickWeighted(rng, priorityWeights) : PRIORITY_GROUPS_1945.length - 1;
      this.priority[i] = priority;
      this.offence[i] = offence;
      this.termYears[i] = termYears;
      this.recidivist[i] = recidivist ? 1 : 0;
      // The decree sorts every file on day 0 (its categories read the sentence alone).
      const s = this.stepper.step(this.stepper.initialOfKind[kindOf(offence, termYears, recidivist)]!, A_EVENT.sort);
      this.state[i] = s;
      this.events++;
      const name = this.stepper.stateName[s];
      if (name === "awaitingFileCheck") {
        this.qualifying++;
        this.priorityQueues[priority]!.push(i, 0);
      } else if (name === "awaitingRecalculation") this.recalculation.push(i, 0);
    }
    this.inStage[STAGE.fileCheck] = this.qualifying;
    this.inStage[STAGE.recalculation] = this.recalculation.size;
  }

  /** Days run so far (the day a student acts in). */
  get now(): number {
    return this.day;
  }

  /** Runs whole days until `day` (at most the horizon). */
  advanceTo(day: number): void {
    const target = Math.min(this.scenario.horizonDays, Math.floor(day));
    while (this.day < target) this.runDay();
  }

  private name(i: number): string {
    return this.stepper.stateName[this.state[i]!]!;
  }

  private leave(i: number, stage: AmnestyStage, day: number): void {
    const k = STAGE[stage];
    this.waitSum[k] = this.waitSum[k]! + day - this.entered[i]!;
    this.waitCount[k] = this.waitCount[k]! + 1;
    this.inStage[k] = this.inStage[k]! - 1;
  }

  private enter(i: number, stage: AmnestyStage, day: number): void {
    this.entered[i] = day;
    this.inStage[STAGE[stage]] = this.inStage[STAGE[stage]]! + 1;
  }

  private send(i: number, eventId: number): void {
    const next = this.stepper.step(this.state[i]!, eventId);
    if (next === A_REFUSED) throw new Error(`The 1945 machine refused event ${eventId} in ${this.name(i)}`);
    this.state[i] = next;
    this.events++;
  }

  /** Whole servings a stage has today: its capacity plus yesterday's fraction (none of a whole serving is saved). */
  private budget(key: keyof AmnestyWorld["carry"], capacity: number): number {
    this.carry[key] += capacity;
    const whole = Math.floor(this.carry[key]);
    this.carry[key] -= whole;
    return whole;
  }

  private recordsPace(day: number): number {
    if (day < this.st.recordsStartDay) return 0;
    const ramp = this.st.rampDays === 0 ? 1 : Math.min(1, (day - this.st.recordsStartDay) / this.st.rampDays);
    return (
      perDay(this.st.fileChecksPer100k, this.held) * (this.st.rampStartShare + (1 - this.st.rampStartShare) * ramp)
    );
  }

  /** A file leaves the check: the machine's verdict, and the signature due. */
  private checked(i: number, thorough: boolean, day: number): void {
    this.leave(i, "fileCheck", day);
    this.send(i, thorough ? A_EVENT.checkThorough : A_EVENT.checkHurried);
    this.decidedDay[i] = day;
    if (this.name(i) === "awaitingSignature") {
      const horizon = this.scenario.horizonDays;
      const delay = Math.max(0, Math.round(sampleDays(this.draws.signature, this.st.signatureDays)));
      this.signatureDue[Math.min(horizon, day + delay)]!.push(i);
      this.enter(i, "signature", day);
    }
  }

  private signed(i: number, day: number): void {
    this.leave(i, "signature", day);
    this.send(i, A_EVENT.sign);
    this.passportQueue.push(i, 0);
    this.enter(i, "passportRoster", day);
  }

  private runDay(): void {
    const day = this.day;
    const st = this.st;
    const held = this.held;
    const horizon = this.scenario.horizonDays;
    // New prisoners (RULES.amnesty1945RevolvingDoor): sentenced after the decree, so it does not reach them.
    const arrivalRate = perDay(st.arrivalsPer100kPerDay, held);
    const n = Math.max(0, Math.round(arrivalRate + Math.sqrt(arrivalRate) * normal(this.draws.arrivals)));
    this.arrived += n;
    for (let k = 0; k < n; k++) if (this.draws.arrivals.next() < st.arrivalsShirkingShare) this.shirking++;

    // The records departments: release files first, in the July 12 order; then terms to halve. A file a student
    // clerk already checked is skipped where it still sits in the queue.
    const records = this.budget("records", this.recordsPace(day));
    // Files still waiting (not the queues' entries: a file a student clerk already checked still sits in one).
    const recordsHadWork = this.inStage[STAGE.fileCheck]! > 0 || this.recalculation.size > 0;
    let served = 0;
    if (this.computerChecks) {
      for (const queue of this.priorityQueues) {
        while (served < records && queue.size > 0) {
          const i = queue.shift();
          if (this.name(i) !== "awaitingFileCheck") continue;
          served++;
          this.checked(i, !(this.draws.checks.next() < st.hurriedCheckShare), day);
        }
      }
    }
    while (served < records && this.recalculation.size > 0) {
      const i = this.recalculation.shift();
      served++;
      this.leave(i, "recalculation", day);
      this.send(i, A_EVENT.halve);
    }
    if (recordsHadWork) {
      this.used.records += served;
      this.offered.records += records;
    }

    // Signatures due today (a seated prisoner may have signed already); then the passport rosters.
    for (const i of this.signatureDue[day]!) {
      if (this.name(i) === "awaitingSignature" && !this.seatedPrisoners.has(i)) this.signed(i, day);
    }
    const passportsHadWork = this.passportQueue.size > 0;
    const passports = this.budget("passports", perDay(st.passportsPer100k, held));
    let issued = 0;
    while (issued < passports && this.passportQueue.size > 0) {
      const i = this.passportQueue.shift();
      issued++;
      this.leave(i, "passportRoster", day);
      this.send(i, A_EVENT.passport);
      this.freedDay[i] = day;
      this.freedSoFar++;
      if (this.draws.keepOn.next() < st.keptOnShare) this.send(i, A_EVENT.keepOn);
      else {
        this.transitQueue.push(i, 0);
        this.enter(i, "transit", day);
      }
    }
    if (passportsHadWork) {
      this.used.passports += issued;
      this.offered.passports += passports;
    }

    // Railcars from the transit checkpoints.
    const railcarsHadWork = this.transitQueue.size > 0;
    const places = this.budget("railcars", perDay(st.railcarPlacesPer100k, held));
    let boarded = 0;
    while (boarded < places && this.transitQueue.size > 0) {
      const i = this.transitQueue.shift();
      boarded++;
      this.leave(i, "transit", day);
      this.send(i, A_EVENT.depart);
      this.departedDay[i] = day;
      // An earlier conviction the hurried check missed comes to light later (RULES.amnesty1945Errors).
      if (this.stepper.step(this.state[i]!, A_EVENT.errorFound) !== A_REFUSED) {
        const due = day + Math.max(1, Math.round(sampleDays(this.draws.errors, st.errorFoundDays)));
        if (due < horizon) this.errorDue[due]!.push(i);
      }
    }
    if (railcarsHadWork) {
      this.used.railcars += boarded;
      this.offered.railcars += places;
    }
    for (const i of this.errorDue[day]!) this.send(i, A_EVENT.errorFound);

    for (let k = 0; k < AMNESTY_STAGES.length; k++) this.maxQueue[k] = Math.max(this.maxQueue[k]!, this.inStage[k]!);
    this.freedByDay.push(this.freedSoFar);
    this.waitingByDay.push(
      this.inStage[STAGE.fileCheck]! + this.inStage[STAGE.signature]! + this.inStage[STAGE.passportRoster]!,
    );
    this.arrivalsByDay.push(this.arrived);
    this.day++;
    this.options.onProgress?.(this.day / horizon);
  }

  // ── what students do ─────────────────────────────────────────────────────

  /**
   * The release files waiting for a check, in the July 12 order, at most
   * `limit`. Given a clerk seat, only that clerk's share: the class's clerks
   * take the queue in turn (file 1 to the first clerk, file 2 to the second…),
   * so two never reach for the same file.
   */
  filesAwaitingCheck(limit: number, clerkSeat?: number): number[] {
    const clerks = [...this.clerkSeats].sort((a, b) => a - b);
    const mine = clerkSeat === undefined ? -1 : clerks.indexOf(clerkSeat);
    const out: number[] = [];
    let position = 0;
    for (const queue of this.priorityQueues) {
      for (const [i] of queue.toArray()) {
        if (out.length >= limit) return out;
        if (this.name(i) !== "awaitingFileCheck") continue;
        if (mine < 0 || position % clerks.length === mine) out.push(i);
        position++;
      }
    }
    return out;
  }

  /**
   * The computer checks release files while the class has no records clerk,
   * or when it helps: once a student clerk sits, the files are theirs.
   */
  private get computerChecks(): boolean {
    return this.clerkSeats.size === 0 || this.computerHelps;
  }

  /** A student sits in the records department as seat `seat`, from today. */
  addClerk(seat: number): void {
    this.clerkSeats.add(seat);
  }

  /** Seat `seat` leaves the records department (removed, or made a prisoner seat in the lobby). */
  removeClerk(seat: number): void {
    this.clerkSeats.delete(seat);
  }

  /** How many release files wait for a check ahead of prisoner i's (null when i's is not waiting for one). */
  filesAhead(i: number): number | null {
    if (this.name(i) !== "awaitingFileCheck") return null;
    let ahead = 0;
    for (const queue of this.priorityQueues) {
      for (const [j] of queue.toArray()) {
        if (j === i) return ahead;
        if (this.name(j) === "awaitingFileCheck") ahead++;
      }
    }
    return ahead;
  }

  /** Prisoners a student plays whose release file waits for a check (for the clerks' desks: a classmate's prisoner). */
  seatedFilesAwaitingCheck(): number[] {
    return [...this.seatedPrisoners].filter((i) => this.name(i) === "awaitingFileCheck").sort((a, b) => a - b);
  }

  /** A student plays prisoner i from now (or no longer, when their seat is removed): they sign for themselves. */
  seatPrisoner(i: number, seated: boolean): void {
    if (seated) this.seatedPrisoners.add(i);
    else {
      this.seatedPrisoners.delete(i);
      // Handed back to the computer: a determination waiting for this prisoner is signed on the next day.
      if (this.name(i) === "awaitingSignature")
        this.signatureDue[Math.min(this.scenario.horizonDays, this.day)]!.push(i);
    }
  }

  /** Hours a clerk seat has left today (none while a long check from an earlier day still runs). */
  clerkHoursLeft(seat: number): number {
    const busy = Math.max(this.day, this.clerkBusyUntil.get(seat) ?? 0);
    return Math.max(0, (this.day + 1 - busy) * this.st.clerkHoursPerDay);
  }

  /** Whether seat `seat` may start a check of prisoner i's file today (either kind), and if not why; changes nothing. */
  canCheckFile(seat: number, i: number): AmnestyVerdict {
    if (!this.clerkSeats.has(seat)) return { ok: false, reason: "Only a records clerk checks files." };
    if (!Number.isInteger(i) || i < 0 || i >= this.held) return { ok: false, reason: "No such file." };
    if (this.day < this.st.recordsStartDay)
      return { ok: false, reason: "The order on who goes first has not come yet (July 12)." };
    if (this.day >= this.scenario.horizonDays) return { ok: false, reason: "The run is over." };
    if (this.name(i) !== "awaitingFileCheck")
      return { ok: false, reason: "This file is no longer waiting for a check." };
    // A check may start on any day with working hours left; a long one runs on into the next days.
    if (this.clerkHoursLeft(seat) <= 0)
      return { ok: false, reason: "No working hours left today: the checks you started take the rest of the day." };
    return { ok: true };
  }

  /**
   * A student records clerk checks prisoner i's file today: thoroughly (the
   * earlier convictions are found), or hurried (quicker, but an earlier
   * conviction can be missed). Refused, with the reason, when it cannot be.
   */
  checkFile(seat: number, i: number, thorough: boolean): AmnestyVerdict {
    const verdict = this.canCheckFile(seat, i);
    if (!verdict.ok) return verdict;
    const hours = thorough ? this.st.thoroughCheckHours : this.st.hurriedCheckHours;
    const busy = Math.max(this.day, this.clerkBusyUntil.get(seat) ?? 0);
    this.clerkBusyUntil.set(seat, busy + hours / this.st.clerkHoursPerDay);
    this.checked(i, thorough, this.day);
    return { ok: true };
  }

  /** Whether prisoner i can sign a determination now, and if not why; changes nothing. */
  canSign(i: number): AmnestyVerdict {
    if (!Number.isInteger(i) || i < 0 || i >= this.held) return { ok: false, reason: "No such prisoner." };
    if (this.day >= this.scenario.horizonDays) return { ok: false, reason: "The run is over." };
    if (this.name(i) !== "awaitingSignature") return { ok: false, reason: "There is no determination to sign." };
    return { ok: true };
  }

  /** A seated prisoner signs the determination once it is written. */
  sign(i: number): AmnestyVerdict {
    const verdict = this.canSign(i);
    if (!verdict.ok) return verdict;
    this.signed(i, this.day);
    return { ok: true };
  }

  /** What a prisoner's seat (or a clerk's file) shows: the facts, the July 12 group, and where the person is. */
  prisoner(i: number): {
    offence: Offence1945;
    termYears: number;
    priorityGroup: (typeof PRIORITY_GROUPS_1945)[number];
    inColony: boolean;
    /** the machine's state, e.g. "awaitingFileCheck" */
    state: string;
    /** the file check has been done: a recidivist is known to the records department */
    checked: boolean;
    /** days since the person entered the stage they wait in */
    waitingDays: number;
    freedOnDay: number | null;
    /** the day they boarded a railcar home (null: not yet) */
    departedOnDay: number | null;
    /** the day the records department checked the file (null: not yet) */
    checkedOnDay: number | null;
    /** whether the student plays this prisoner */
    seated: boolean;
  } {
    return {
      offence: OFFENCES_1945[this.offence[i]!]!,
      termYears: this.termYears[i]!,
      priorityGroup: PRIORITY_GROUPS_1945[this.priority[i]!]!,
      inColony: this.colony[i] === 1,
      state: this.name(i),
      checked: this.decidedDay[i]! >= 0,
      waitingDays: this.day - this.entered[i]!,
      freedOnDay: this.freedDay[i]! >= 0 ? this.freedDay[i]! : null,
      departedOnDay: this.departedDay[i]! >= 0 ? this.departedDay[i]! : null,
      checkedOnDay: this.decidedDay[i]! >= 0 ? this.decidedDay[i]! : null,
      seated: this.seatedPrisoners.has(i),
    };
  }

  /** Whether prisoner i has earlier convictions (a recidivist by the decree), found or not: for the end of a run. */
  hadEarlierConvictions(i: number): boolean {
    return this.recidivist[i] === 1;
  }

  /** Whether the file check found (or would find) earlier convictions: only a thorough check knows. */
  recidivistFound(i: number): boolean {
    return this.name(i) === "excludedAsRecidivist";
  }

  // ── read-outs ─────────────────────────────────────────────────────────────

  result(): AmnestyResult {
    const scenario = this.scenario;
    const held = this.held;
    const horizon = this.day;
    const outcomes = Object.fromEntries(AMNESTY_OUTCOMES.map((o) => [o, 0])) as Record<AmnestyOutcome, number>;
    const freed = { total: 0, fromCamps: 0, fromColonies: 0 };
    const freeWaits: number[] = [];
    const stillHeldWaits: number[] = [];
    const decidedWaits: number[] = [];
    const undecidedWaits: number[] = [];
    const transitWaits: number[] = [];
    const inTransitWaits: number[] = [];
    for (let i = 0; i < held; i++) {
      const outcome = OUTCOME_OF_STATE[this.name(i) as keyof typeof OUTCOME_OF_STATE];
      outcomes[outcome]++;
      const freedDay = this.freedDay[i]!;
      if (freedDay >= 0) {
        freed.total++;
        if (this.colony[i]) freed.fromColonies++;
        else freed.fromCamps++;
        freeWaits.push(freedDay);
        if (outcome !== "keptOn") {
          if (this.departedDay[i]! >= 0) transitWaits.push(this.departedDay[i]! - freedDay);
          else inTransitWaits.push(horizon - freedDay);
        }
      } else if (outcome === "stillWaiting") stillHeldWaits.push(horizon);
      if (this.decidedDay[i]! >= 0) decidedWaits.push(this.decidedDay[i]!);
      else if (outcome === "stillWaiting") undecidedWaits.push(horizon);
    }
    const km = (done: number[], waiting: number[]) => kaplanMeier(Float64Array.from(done), Float64Array.from(waiting));
    const lastDay = (series: readonly number[], day: number) => series[Math.min(day, series.length - 1)] ?? 0;
    return {
      scenario: scenario.id,
      seed: this.seed,
      cases: held,
      persons: held,
      outcomes,
      qualifying: this.qualifying,
      freed,
      termsHalved: outcomes.termHalved,
      daysFromStart: km(freeWaits, stillHeldWaits),
      daysToDecision: km(decidedWaits, undecidedWaits),
      daysInTransit: km(transitWaits, inTransitWaits),
      stages: AMNESTY_STAGES.map((stage, k) => ({
        stage,
        meanWaitDays: this.waitCount[k]! > 0 ? Math.round((10 * this.waitSum[k]!) / this.waitCount[k]!) / 10 : 0,
        maxQueue: this.maxQueue[k]!,
      })),
      waitingNow: Object.fromEntries(AMNESTY_STAGES.map((s, k) => [s, this.inStage[k]!])) as Record<
        AmnestyStage,
        number
      >,
      capacity: {
        clerkUse: ratio(this.used.records, this.offered.records),
        passportUse: ratio(this.used.passports, this.offered.passports),
        railcarUse: ratio(this.used.railcars, this.offered.railcars),
      },
      releasedByDate: scenario.tallies.map((t) => ({
        day: t.day,
        date: amnestyDate(scenario, t.day),
        label: t.label,
        freed: lastDay(this.freedByDay, t.day),
        historical: t.freed !== undefined ? Math.round((t.freed * held) / scenario.population.held) : null,
      })),
      freedByDay: [...this.freedByDay],
      waitingByDay: [...this.waitingByDay],
      newPrisoners: { total: this.arrived, shirking: this.shirking, byDay: [...this.arrivalsByDay] },
      heldAtEnd: held - freed.total + outcomes.returnedAfterError + outcomes.keptOn + this.arrived,
      events: this.events,
    };
  }
}

const STAGE = Object.fromEntries(AMNESTY_STAGES.map((s, k) => [s, k])) as Record<AmnestyStage, number>;

/** Where a prisoner in each state counts at the end: keyed by the machine's states, so a new state must be placed. */
const OUTCOME_OF_STATE: Record<SnapshotFrom<typeof amnestyPrisonerMachine>["value"], AmnestyOutcome> = {
  held: "notCovered",
  awaitingFileCheck: "stillWaiting",
  awaitingSignature: "stillWaiting",
  onPassportRoster: "stillWaiting",
  inTransit: "freedInTransit",
  released: "freedHome",
  keptOnAsLabour: "keptOn",
  returnedAfterError: "returnedAfterError",
  excludedAsRecidivist: "excludedAsRecidivist",
  awaitingRecalculation: "awaitingRecalculation",
  termHalved: "termHalved",
  notCovered: "notCovered",
};

/** Runs a 1945 amnesty scenario to its horizon, with no seats: the computer plays everyone. */
export function runAmnesty(scenario: AmnestyScenario, seed: number | string, options: AmnestyRunOptions = {}) {
  const world = new AmnestyWorld(scenario, seed, options);
  world.advanceTo(scenario.horizonDays);
  return world.result();
}

function ratio(a: number, b: number): number {
  return b > 0 ? Math.round((1000 * a) / b) / 1000 : 0;
}

/** A read-out a figure of the source is compared with (scenario.compare). */
export function amnestyMetric(r: AmnestyResult, metric: AmnestyMetric, onDay = 0): number {
  const day = Math.min(onDay, r.freedByDay.length - 1);
  switch (metric) {
    case "qualifying":
      return r.qualifying;
    case "freedByDay":
      return r.freedByDay[day] ?? 0;
    case "freedShareByDay":
      return r.qualifying > 0 ? (r.freedByDay[day] ?? 0) / r.qualifying : 0;
    case "freedTotal":
      return r.freed.total;
    case "freedFromCamps":
      return r.freed.fromCamps;
    case "freedFromColonies":
      return r.freed.fromColonies;
    case "freedColonyShare":
      return r.freed.total > 0 ? r.freed.fromColonies / r.freed.total : 0;
    case "freedShareOfQualifying":
      return r.qualifying > 0 ? r.freed.total / r.qualifying : 0;
    case "termsHalved":
      return r.termsHalved;
    case "halvedShareOfHeld":
      return r.termsHalved / r.cases;
    case "newPrisonersByDay":
      return r.newPrisoners.byDay[day] ?? 0;
    case "newPrisonersShareByDay":
      return (r.newPrisoners.byDay[day] ?? 0) / r.cases;
  }
}
