/**
 * Statistics of a run: where each case waits and for how long (the stage
 * counts kept as cases move), the commission's decisions, and the read-outs
 * built from them: result() for the CLI, the debrief and calibration,
 * tally() and stageCounts() for the console.
 *
 * Separate from the core because the figures a run is judged by should be
 * readable in one place, apart from the mechanics that produce them; the
 * engine's behaviour never depends on them. Internal to lib/sim/world/:
 * plain functions over WorldCore (moveToStage and countStep run on every
 * step, so they stay small and monomorphic).
 */
import { DECISIONS, OUTCOMES, STAGES, type Decision, type Outcome, type Stage } from "@/machines/vocabulary";
import { CASE_EVENTS, EVENT_IDS } from "@/machines/case-events";
import { kaplanMeier, type Waits } from "@/lib/sim/survival";
import type { WorldCore } from "./core";

export type StageSummary = { stage: Stage; meanWaitDays: number; maxQueue: number };
export type RunResult = {
  scenario: string;
  seed: number | string;
  cases: number;
  persons: number;
  outcomes: Record<Outcome, number>;
  /** persons in each outcome */
  outcomePersons: Record<Outcome, number>;
  /**
   * Rehabilitated cases by certificate: issued; pending (still being asked
   * for, or on its way); withheld (every office asked, none sent it).
   */
  spravka: { issued: number; pending: number; withheld: number };
  letters: { written: number; forwardedToAccused: number };
  /**
   * Cases whose release order the camp has not carried out yet
   * (RULES.heldAfterRelease): counted in `outcomes` by their decision, as
   * decided, but not released (metrics.releasedCases leaves them out).
   */
  heldAfterRelease: number;
  /**
   * New Article 59 arrests that entered the camps during the run
   * (RULES.newArrests): their complaints joined the same queues (stages,
   * waitingNow and capacity count them), but they are not the scenario's
   * caseload, so cases, outcomes, decisions and waits leave them out.
   */
  newArrests: { arrived: number; decided: number; released: number };
  /** The commission's decisions (what provincial tallies counted), cases and persons. */
  decisions: Record<Decision, { cases: number; persons: number }>;
  /** From the commission knowing of a case to its decision, counting cases still waiting (./survival.ts). */
  daysToDecision: Waits;
  /**
   * From the start of the review (day 0) to each case's decision, every case
   * counted, those undecided as still waiting. Unlike daysToDecision, time a
   * case spent unknown to the commission (waiting for a list, a letter) counts.
   */
  daysFromStart: Waits;
  stages: StageSummary[];
  /**
   * Share of the staff's working days that went on files, clerks and the
   * province's desks (students' own desks not counted): near 1, that staff was
   * the bottleneck, and more of it would have decided more.
   */
  capacity: { clerkUse: number; deskUse: number };
  /** Cases waiting in each stage at the end (Kostroma's cases "stalled for lack of lists"). */
  waitingNow: Record<Stage, number>;
  events: number;
};

/** Every office was asked for the certificate and none sent it (machines/spravka.machine.ts). */
const SPRAVKA_REFUSED = "spravka.refused";

export const STAGE_INDEX: Record<string, number> = Object.fromEntries(STAGES.map((s, i) => [s, i]));

/** For each case event id: which decision (or -1). */
const DECISION_OF_EVENT = Int8Array.from(CASE_EVENTS, (_, id) => EVENT_IDS.decide.indexOf(id));

/** The stage a state counts in (index into STAGES), or -1 (no letter yet, or decided). */
export function stageIndexOf(w: WorldCore, stateId: number): number {
  return w.stageByPath.get(w.stepper.info(stateId));
}

/** The stage a state at this path counts in (WorldCore.stageByPath memoises it). */
export function stageOfPath(path: string): number {
  const top = path.split(".")[0]!;
  return path === "complaint.unwritten" ? -1 : (STAGE_INDEX[top] ?? -1);
}

/** Case i now waits in `stage` (or in none, -1): the stage it leaves counts its wait. */
export function moveToStage(w: WorldCore, i: number, stage: number): void {
  const previous = w.stageOf(i);
  if (stage === previous) return;
  const now = w.now;
  if (previous >= 0) {
    w.stageCount[previous]!--;
    w.stageWaitSum[previous]! += now - w.stageSinceOf(i);
    w.stageWaitN[previous]!++;
  }
  if (stage >= 0) {
    const count = ++w.stageCount[stage]!;
    if (count > w.stageMax[stage]!) w.stageMax[stage] = count;
    w.setStageSince(i, now);
    if (Number.isNaN(w.knownSinceOf(i)) && stage >= STAGE_INDEX.lists!) w.setKnownSince(i, now);
  }
  w.setStageOf(i, stage);
}

/** Case i waits on nobody any more (its petitioner gave up). */
export function leaveStage(w: WorldCore, i: number): void {
  const stage = w.stageOf(i);
  if (stage < 0) return;
  w.stageCount[stage]!--;
  w.stageWaitSum[stage]! += w.now - w.stageSinceOf(i);
  w.stageWaitN[stage]!++;
  w.setStageOf(i, -1);
}

/** Counts event `eventId` that just changed case i's state: decisions, the day of the decision, letters forwarded. */
export function countStep(w: WorldCore, i: number, eventId: number): void {
  const decision = DECISION_OF_EVENT[eventId]!;
  // The provinces' tallies counted their political cases, not the new Article 59 arrests (RULES.newArrests).
  if (decision >= 0 && i < w.caseloadSize) {
    w.decisionCount[decision]!++;
    w.decisionPersons[decision]! += w.personsOf(i);
  }
  if ((decision >= 0 || eventId === EVENT_IDS.pardon) && Number.isNaN(w.decidedAtOf(i))) w.setDecidedAt(i, w.now);
  if (eventId === EVENT_IDS.forwardToAccused) w.forwardedToAccused++;
}

/** Outcome counts and queue figures at the current time. */
export function result(w: WorldCore, seedLabel: number | string): RunResult {
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const outcomePersons = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  let persons = 0;
  let issued = 0;
  let pending = 0;
  let withheld = 0;
  let held = 0;
  const decidedWaits: number[] = [];
  const stillWaiting: number[] = [];
  const decidedFromStart: number[] = [];
  const waitingFromStart: number[] = [];
  const waitSum = Float64Array.from(w.stageWaitSum);
  const waitN = Float64Array.from(w.stageWaitN);
  for (let i = 0; i < w.caseloadSize; i++) {
    const s = w.stateOf(i);
    const outcome = w.stepper.outcome[s]!;
    outcomes[outcome]++;
    outcomePersons[outcome] += w.personsOf(i);
    persons += w.personsOf(i);
    const path = w.stepper.path[s]!;
    if (w.stepper.held[s]) held++;
    if (path === "rehabilitated") issued++;
    else if (path === SPRAVKA_REFUSED) withheld++;
    else if (path.startsWith("spravka.")) pending++;
    const decided = w.decidedAtOf(i);
    const known = w.knownSinceOf(i);
    if (!Number.isNaN(decided)) decidedFromStart.push(decided);
    else if (!w.stepper.done[s]) waitingFromStart.push(w.now);
    if (!Number.isNaN(known)) {
      if (!Number.isNaN(decided)) decidedWaits.push(decided - known);
      else if (!w.stepper.done[s]) stillWaiting.push(w.now - known);
    }
  }
  const newArrests = { arrived: w.arrived - w.caseloadSize, decided: 0, released: 0 };
  for (let i = w.caseloadSize; i < w.arrived; i++) {
    const s = w.stateOf(i);
    if (w.stepper.done[s] || w.stepper.held[s]) newArrests.decided++;
    if (w.stepper.releasing[s]) newArrests.released++;
  }
  // The queues' waits count everyone in them, new arrests too.
  for (let i = 0; i < w.arrived; i++) {
    const stage = w.stageOf(i);
    if (stage >= 0) {
      waitSum[stage]! += w.now - w.stageSinceOf(i);
      waitN[stage]!++;
    }
  }
  return {
    scenario: w.scenario.id,
    seed: seedLabel,
    cases: w.caseloadSize,
    persons,
    outcomes,
    outcomePersons,
    spravka: { issued, pending, withheld },
    letters: { written: w.lettersWritten, forwardedToAccused: w.forwardedToAccused },
    heldAfterRelease: held,
    newArrests,
    decisions: Object.fromEntries(
      DECISIONS.map((d, k) => [d, { cases: w.decisionCount[k]!, persons: w.decisionPersons[k]! }]),
    ) as Record<Decision, { cases: number; persons: number }>,
    daysToDecision: kaplanMeier(Float64Array.from(decidedWaits), Float64Array.from(stillWaiting)),
    daysFromStart: kaplanMeier(Float64Array.from(decidedFromStart), Float64Array.from(waitingFromStart)),
    stages: STAGES.map((stage, k) => ({
      stage,
      meanWaitDays: waitN[k]! > 0 ? round1(waitSum[k]! / waitN[k]!) : 0,
      maxQueue: w.stageMax[k]!,
    })),
    capacity: {
      clerkUse: round3(Math.min(1, w.clerkWorkDays / Math.max(1e-9, w.params.institutions.fileClerks * w.now))),
      deskUse: round3(Math.min(1, w.deskWorkDays / Math.max(1e-9, w.params.desks.procurators * w.now))),
    },
    waitingNow: stageCounts(w),
    events: w.eventsProcessed,
  };
}

/** The stage case i waits in (or null once decided or given up) and since which simulated day. */
export function caseStage(w: WorldCore, i: number): { stage: Stage | null; sinceDay: number | null } {
  const k = w.stageOf(i);
  return k < 0 ? { stage: null, sinceDay: null } : { stage: STAGES[k]!, sinceDay: w.stageSinceOf(i) };
}

/** How many cases wait in each stage now. */
export function stageCounts(w: WorldCore): Record<Stage, number> {
  return Object.fromEntries(STAGES.map((s, k) => [s, w.stageCount[k]!])) as Record<Stage, number>;
}

/** Every case there is so far (new arrests too) counted once: waiting in a stage, undecided with nobody pursuing it (yet), or decided. */
export function tally(w: WorldCore): {
  stages: Record<Stage, number>;
  unpursued: number;
  decided: number;
  /** cases whose outcome so far frees the person, and who have left the camp */
  released: number;
  /** decided cases whose release order the camp has not carried out yet (RULES.heldAfterRelease; among `decided`) */
  heldAfterRelease: number;
} {
  let decided = 0;
  let released = 0;
  let heldAfterRelease = 0;
  for (let i = 0; i < w.arrived; i++) {
    const s = w.stateOf(i);
    if (w.stepper.done[s]) decided++;
    else if (w.stepper.held[s]) {
      decided++;
      heldAfterRelease++;
    }
    if (w.stepper.releasing[s]) released++;
  }
  const stages = stageCounts(w);
  const waiting = STAGES.reduce((sum, s) => sum + stages[s], 0);
  return { stages, unpursued: w.arrived - waiting - decided, decided, released, heldAfterRelease };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
