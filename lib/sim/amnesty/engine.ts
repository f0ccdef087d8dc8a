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
import { OFFENCES_1945, PRIORITY_GROUPS_1945, type Offence1945 } from "@/machines/amnesty-1945.machine";
import { createRng, normal, pickWeighted } from "@/lib/sim/rng";
import { sampleDays } from "@/lib/sim/distributions";
import { kaplanMeier, type Waits } from "@/lib/sim/survival";
import { A_EVENT, A_REFUSED, amnestyStepper, factKind } from "./stepper";
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

/** A first-in, first-out queue of prisoner indices. */
class Fifo {
  private items: Int32Array;
  private head = 0;
  private tail = 0;
  constructor(capacity: number) {
    this.items = new Int32Array(Math.max(16, capacity));
  }
  get length(): number {
    return this.tail - this.head;
  }
  push(i: number): void {
    if (this.tail === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items.subarray(this.head, this.tail));
      this.tail -= this.head;
      this.head = 0;
      this.items = grown;
    }
    this.items[this.tail++] = i;
  }
  shift(): number {
    return this.items[this.head++]!;
  }
}

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

/** Runs a 1945 amnesty scenario to its horizon. */
export function runAmnesty(scenario: AmnestyScenario, seed: number | string, options: AmnestyRunOptions = {}) {
  const stepper = amnestyStepper();
  const held = options.cases ?? scenario.population.held;
  const pop = scenario.population;
  const st = scenario.stages;
  const root = createRng(seed, `amnesty:${scenario.id}`);
  const draws = {
    population: root.split("population"),
    arrivals: root.split("arrivals"),
    checks: root.split("checks"),
    signature: root.split("signature"),
    keepOn: root.split("keepOn"),
    errors: root.split("errors"),
  };

  // --- The population on July 7 --------------------------------------------------------------------------
  const state = new Int32Array(held);
  const colony = new Uint8Array(held);
  const entered = new Int16Array(held); // day the prisoner entered the stage it waits in
  const decidedDay = new Int16Array(held).fill(-1);
  const freedDay = new Int16Array(held).fill(-1);
  const departedDay = new Int16Array(held).fill(-1);
  const priorityQueues = PRIORITY_GROUPS_1945.map(() => new Fifo(held / 8));
  const recalculation = new Fifo(held / 4);
  const categoryWeights = DECREE_CATEGORIES_1945.map((c) => pop.categories[c]);
  const freedOffenceWeights = OFFENCES_1945.map((o) => pop.freedOffences[o]);
  const notCoveredOffences = ["gravePrivate", "counterRevolution"] as const satisfies readonly Offence1945[];
  const notCoveredWeights = notCoveredOffences.map((o) => pop.notCoveredOffences[o]);
  const priorityWeights = PRIORITY_GROUPS_1945.map((g) => pop.priorityGroups[g]);
  let events = 0;
  let qualifying = 0;
  for (let i = 0; i < held; i++) {
    const rng = draws.population;
    const category = DECREE_CATEGORIES_1945[pickWeighted(rng, categoryWeights)]!;
    const recidivist = rng.next() < pop.recidivistShare;
    // The term only matters as "three years or less" or not (RULES.amnesty1945Release); the sorting below reads it.
    const offence: Offence1945 =
      category === "freed"
        ? OFFENCES_1945[pickWeighted(rng, freedOffenceWeights)]!
        : category === "halved"
          ? "ordinary"
          : notCoveredOffences[pickWeighted(rng, notCoveredWeights)]!;
    const shortTerm =
      category === "freed" && (offence === "ordinary" || offence === "gravePrivate" || offence === "counterRevolution");
    const termYears = shortTerm ? 1 + Math.floor(rng.next() * 3) : 4 + Math.floor(rng.next() * 7);
    colony[i] = rng.next() < (category === "freed" ? pop.freedInColoniesShare : pop.othersInColoniesShare) ? 1 : 0;
    const priority = category === "freed" ? pickWeighted(rng, priorityWeights) : PRIORITY_GROUPS_1945.length - 1;
    // The decree sorts every file on day 0 (its categories read the sentence alone).
    const s = stepper.step(stepper.initialOfKind[factKind({ offence, termYears, recidivist })]!, A_EVENT.sort);
    state[i] = s;
    events++;
    const name = stepper.stateName[s];
    if (name === "awaitingFileCheck") {
      qualifying++;
      priorityQueues[priority]!.push(i);
    } else if (name === "awaitingRecalculation") recalculation.push(i);
  }

  // --- Day by day ------------------------------------------------------------------------------------------
  const horizon = scenario.horizonDays;
  const signatureDue: number[][] = Array.from({ length: horizon + 1 }, () => []);
  const errorDue: number[][] = Array.from({ length: horizon + 1 }, () => []);
  const passportQueue = new Fifo(held / 8);
  const transitQueue = new Fifo(held / 8);
  const stageIndex = Object.fromEntries(AMNESTY_STAGES.map((s, k) => [s, k])) as Record<AmnestyStage, number>;
  const waitSum = new Float64Array(AMNESTY_STAGES.length);
  const waitCount = new Float64Array(AMNESTY_STAGES.length);
  const maxQueue = new Float64Array(AMNESTY_STAGES.length);
  const inStage = new Float64Array(AMNESTY_STAGES.length);
  const used = { records: 0, passports: 0, railcars: 0 };
  const offered = { records: 0, passports: 0, railcars: 0 };
  const carry = { records: 0, passports: 0, railcars: 0 };
  inStage[stageIndex.fileCheck] = qualifying;
  inStage[stageIndex.recalculation] = recalculation.length;

  const leave = (i: number, stage: AmnestyStage, day: number) => {
    const k = stageIndex[stage];
    waitSum[k] = waitSum[k]! + day - entered[i]!;
    waitCount[k] = waitCount[k]! + 1;
    inStage[k] = inStage[k]! - 1;
  };
  const enter = (i: number, stage: AmnestyStage, day: number) => {
    entered[i] = day;
    inStage[stageIndex[stage]] = inStage[stageIndex[stage]]! + 1;
  };
  const send = (i: number, eventId: number) => {
    const next = stepper.step(state[i]!, eventId);
    if (next === A_REFUSED)
      throw new Error(`The 1945 machine refused event ${eventId} in ${stepper.stateName[state[i]!]}`);
    state[i] = next;
    events++;
  };
  /** Whole servings a stage has today: its capacity plus yesterday's fraction (none of a whole serving is saved). */
  const budget = (key: keyof typeof carry, capacity: number) => {
    carry[key] += capacity;
    const whole = Math.floor(carry[key]);
    carry[key] -= whole;
    return whole;
  };

  const fullRecords = perDay(st.fileChecksPer100k, held);
  const recordsPace = (day: number) => {
    if (day < st.recordsStartDay) return 0;
    const ramp = st.rampDays === 0 ? 1 : Math.min(1, (day - st.recordsStartDay) / st.rampDays);
    return fullRecords * (st.rampStartShare + (1 - st.rampStartShare) * ramp);
  };
  const freedByDay: number[] = [];
  const waitingByDay: number[] = [];
  const arrivalsByDay: number[] = [];
  let freedSoFar = 0;
  let arrived = 0;
  let shirking = 0;
  const arrivalRate = perDay(st.arrivalsPer100kPerDay, held);

  for (let day = 0; day < horizon; day++) {
    // New prisoners (RULES.amnesty1945RevolvingDoor): sentenced after the decree, so it does not reach them.
    const n = Math.max(0, Math.round(arrivalRate + Math.sqrt(arrivalRate) * normal(draws.arrivals)));
    arrived += n;
    for (let k = 0; k < n; k++) if (draws.arrivals.next() < st.arrivalsShirkingShare) shirking++;

    // The records departments: release files first, in the July 12 order; then terms to halve.
    const records = budget("records", recordsPace(day));
    const recordsHadWork = priorityQueues.some((q) => q.length > 0) || recalculation.length > 0;
    let served = 0;
    for (const queue of priorityQueues) {
      while (served < records && queue.length > 0) {
        const i = queue.shift();
        served++;
        leave(i, "fileCheck", day);
        send(i, draws.checks.next() < st.hurriedCheckShare ? A_EVENT.checkHurried : A_EVENT.checkThorough);
        decidedDay[i] = day;
        if (stepper.stateName[state[i]!] === "awaitingSignature") {
          const due = Math.min(horizon, day + Math.max(0, Math.round(sampleDays(draws.signature, st.signatureDays))));
          signatureDue[due]!.push(i);
          enter(i, "signature", day);
        }
      }
    }
    while (served < records && recalculation.length > 0) {
      const i = recalculation.shift();
      served++;
      leave(i, "recalculation", day);
      send(i, A_EVENT.halve);
    }
    if (recordsHadWork) {
      used.records += served;
      offered.records += records;
    }

    // Signatures due today; then the passport rosters.
    for (const i of signatureDue[day]!) {
      leave(i, "signature", day);
      send(i, A_EVENT.sign);
      passportQueue.push(i);
      enter(i, "passportRoster", day);
    }
    const passportsHadWork = passportQueue.length > 0;
    const passports = budget("passports", perDay(st.passportsPer100k, held));
    let issued = 0;
    while (issued < passports && passportQueue.length > 0) {
      const i = passportQueue.shift();
      issued++;
      leave(i, "passportRoster", day);
      send(i, A_EVENT.passport);
      freedDay[i] = day;
      freedSoFar++;
      if (draws.keepOn.next() < st.keptOnShare) send(i, A_EVENT.keepOn);
      else {
        transitQueue.push(i);
        enter(i, "transit", day);
      }
    }
    if (passportsHadWork) {
      used.passports += issued;
      offered.passports += passports;
    }

    // Railcars from the transit checkpoints.
    const railcarsHadWork = transitQueue.length > 0;
    const places = budget("railcars", perDay(st.railcarPlacesPer100k, held));
    let boarded = 0;
    while (boarded < places && transitQueue.length > 0) {
      const i = transitQueue.shift();
      boarded++;
      leave(i, "transit", day);
      send(i, A_EVENT.depart);
      departedDay[i] = day;
      // An earlier conviction the hurried check missed comes to light later (RULES.amnesty1945Errors).
      if (stepper.step(state[i]!, A_EVENT.errorFound) !== A_REFUSED) {
        const due = day + Math.max(1, Math.round(sampleDays(draws.errors, st.errorFoundDays)));
        if (due < horizon) errorDue[due]!.push(i);
      }
    }
    if (railcarsHadWork) {
      used.railcars += boarded;
      offered.railcars += places;
    }
    for (const i of errorDue[day]!) send(i, A_EVENT.errorFound);

    for (let k = 0; k < AMNESTY_STAGES.length; k++) maxQueue[k] = Math.max(maxQueue[k]!, inStage[k]!);
    freedByDay.push(freedSoFar);
    waitingByDay.push(
      inStage[stageIndex.fileCheck]! + inStage[stageIndex.signature]! + inStage[stageIndex.passportRoster]!,
    );
    arrivalsByDay.push(arrived);
    options.onProgress?.((day + 1) / horizon);
  }

  // --- Read-outs -------------------------------------------------------------------------------------------
  const outcomes = Object.fromEntries(AMNESTY_OUTCOMES.map((o) => [o, 0])) as Record<AmnestyOutcome, number>;
  const OUTCOME_OF_STATE: Record<string, AmnestyOutcome> = {
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
  const freed = { total: 0, fromCamps: 0, fromColonies: 0 };
  const freeWaits: number[] = [];
  const stillHeldWaits: number[] = [];
  const decidedWaits: number[] = [];
  const undecidedWaits: number[] = [];
  const transitWaits: number[] = [];
  const inTransitWaits: number[] = [];
  for (let i = 0; i < held; i++) {
    const outcome = OUTCOME_OF_STATE[stepper.stateName[state[i]!]!]!;
    outcomes[outcome]++;
    if (freedDay[i]! >= 0) {
      freed.total++;
      if (colony[i]) freed.fromColonies++;
      else freed.fromCamps++;
      freeWaits.push(freedDay[i]!);
      if (outcome !== "keptOn") {
        if (departedDay[i]! >= 0) transitWaits.push(departedDay[i]! - freedDay[i]!);
        else inTransitWaits.push(horizon - freedDay[i]!);
      }
    } else if (outcome === "stillWaiting") stillHeldWaits.push(horizon);
    if (decidedDay[i]! >= 0) decidedWaits.push(decidedDay[i]!);
    else if (outcome === "stillWaiting") undecidedWaits.push(horizon);
  }
  const km = (done: number[], waiting: number[]) => kaplanMeier(Float64Array.from(done), Float64Array.from(waiting));
  const waitingNow = Object.fromEntries(AMNESTY_STAGES.map((s, k) => [s, inStage[k]!])) as Record<AmnestyStage, number>;
  const result: AmnestyResult = {
    scenario: scenario.id,
    seed,
    cases: held,
    persons: held,
    outcomes,
    qualifying,
    freed,
    termsHalved: outcomes.termHalved,
    daysFromStart: km(freeWaits, stillHeldWaits),
    daysToDecision: km(decidedWaits, undecidedWaits),
    daysInTransit: km(transitWaits, inTransitWaits),
    stages: AMNESTY_STAGES.map((stage, k) => ({
      stage,
      meanWaitDays: waitCount[k]! > 0 ? Math.round((10 * waitSum[k]!) / waitCount[k]!) / 10 : 0,
      maxQueue: maxQueue[k]!,
    })),
    waitingNow,
    capacity: {
      clerkUse: ratio(used.records, offered.records),
      passportUse: ratio(used.passports, offered.passports),
      railcarUse: ratio(used.railcars, offered.railcars),
    },
    releasedByDate: scenario.tallies.map((t) => ({
      day: t.day,
      date: amnestyDate(scenario, t.day),
      label: t.label,
      freed: freedByDay[Math.min(t.day, horizon - 1)] ?? 0,
      historical: t.freed !== undefined ? Math.round((t.freed * held) / scenario.population.held) : null,
    })),
    freedByDay,
    waitingByDay,
    newPrisoners: { total: arrived, shirking, byDay: arrivalsByDay },
    heldAtEnd: held - freed.total + outcomes.returnedAfterError + outcomes.keptOn + arrived,
    events,
  };
  return result;
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
