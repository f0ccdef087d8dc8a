/**
 * World, the engine's public class: one simulated province (or country), the
 * batch driver over the case machines. It holds a WorldCore and offers each
 * sibling module's work as a method, so callers see one object while each
 * concern stays in its own file:
 *
 *   core.ts          the case arrays, the event queue, stepping, advancing time
 *   institutions.ts  what camps, the archive, courts, the MVD and bots do
 *   seats.ts         cases a student sits on
 *   statistics.ts    stage counts, decisions, result(), tally()
 *   save-load.ts     SavedWorld, save() and resume()
 *
 * The core stays behind a private field, so its internals are no part of the
 * API. Every method here is one call into a module: the hot loop (advanceTo)
 * runs entirely inside the core and the institution driver.
 */
import { caseEventId } from "@/machines/case-events";
import type { CaseContext, CaseEvent } from "@/machines/case-setup";
import {
  ARTICLES,
  SENTENCING_ORGANS,
  type Addressee,
  type Carrier,
  type Grounds,
  type Outcome,
  type Stage,
} from "@/machines/vocabulary";
import { NEW_ARREST_ARTICLE } from "@/machines/rules";
import { CaseStepper } from "@/lib/sim/case-stepper";
import { seedOf } from "@/lib/sim/rng";
import type { Effect, Scenario } from "@/lib/sim/scenario-schema";
import { WorldCore, type InjectedEvent } from "./core";
import { applyEffect, eventInForce, inject } from "./institutions";
import { checkResumable, loadWorld, saveWorld, type SavedWorld } from "./save-load";
import {
  assignSeat,
  caseHistory,
  deskState,
  fileLetter,
  hasStudent,
  releaseSeat,
  noteLetter,
  recordDeskWork,
  prepareEarlierFile,
  registerEarlierComplaint,
  reviewHours,
  type CaseHistoryEntry,
  type DeskState,
  type DeskWorkDone,
} from "./seats";
import { caseStage, result, stageCounts, tally, type RunResult } from "./statistics";

/**
 * The memo of case-machine transitions is shared by every world in the
 * process: it only holds transitions of the machine (computed by the reducer
 * proven equal to XState), so sharing changes speed, never results.
 */
const SHARED_STEPPER = new CaseStepper();

/** One simulated province (or country): the batch driver over the case machines. */
export class World {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly stepper: CaseStepper;
  private readonly core: WorldCore;

  constructor(scenario: Scenario, seed: number | string, stepper = SHARED_STEPPER, saved?: SavedWorld) {
    this.scenario = scenario;
    this.seed = saved ? saved.seed : seedOf(seed);
    this.stepper = stepper;
    this.core = new WorldCore(scenario, this.seed, stepper);
    if (saved) loadWorld(this.core, saved);
    else this.core.begin();
  }

  /** The simulated day the run has reached. */
  get now(): number {
    return this.core.now;
  }
  /** Events the cases took (and camp lists that arrived) so far. */
  get eventsProcessed(): number {
    return this.core.eventsProcessed;
  }
  get lettersWritten(): number {
    return this.core.lettersWritten;
  }
  get forwardedToAccused(): number {
    return this.core.forwardedToAccused;
  }

  /**
   * Called with every event a case takes (after its state changed), for
   * exports and replays that need every case's story. It must not act on the
   * world; the engine's behaviour never depends on it.
   */
  get onCaseEvent(): ((i: number, eventId: number) => void) | null {
    return this.core.onCaseEvent;
  }
  set onCaseEvent(listener: ((i: number, eventId: number) => void) | null) {
    this.core.onCaseEvent = listener;
  }

  // ── saving and resuming (the interactive driver persists runs) ─────────
  /** Everything needed to resume this run exactly, as plain JSON. */
  save(): SavedWorld {
    return saveWorld(this.core);
  }

  /** Resumes a saved run; refuses one saved by another version of the machines or for another scenario. */
  static resume(scenario: Scenario, saved: SavedWorld, stepper = SHARED_STEPPER): World {
    checkResumable(scenario, saved);
    return new World(scenario, saved.seed, stepper, saved);
  }

  // ── time and events ─────────────────────────────────────────────────────
  /** Advances simulated time to `day` (not past the horizon), processing every event due by then. */
  advanceTo(day: number): void {
    this.core.advanceTo(day);
  }

  /** Sends one event to one case, as a bot, an institution or a player would. Returns false if the machine refuses it. */
  sendCaseEvent(i: number, eventId: number): boolean {
    return this.core.sendCaseEvent(i, eventId);
  }

  /** A historical event or an instructor's injection. Throws EffectError (and changes nothing) if it cannot apply. */
  applyEffect(effect: Effect): void {
    applyEffect(this.core, effect);
  }

  /**
   * An instructor's injected event: its effects apply from now,
   * like a scheduled historical event, and the world remembers it so seats
   * can be told. Throws EffectError, changing nothing, if an effect cannot
   * apply or the event is already in force. `counterfactual`: injected before
   * its historical date, a what-if every screen labels so.
   */
  inject(id: string, effects: readonly Effect[], { counterfactual = false } = {}): void {
    inject(this.core, id, effects, counterfactual);
  }

  /** Whether a historical event is in force now (scheduled by the scenario and reached, or injected). */
  eventInForce(id: string): boolean {
    return eventInForce(this.core, id);
  }

  /** The run's parameters now: the scenario after the historical events and injections so far. */
  get parameters(): Readonly<Scenario> {
    return this.core.params;
  }

  /** The events injected so far, oldest first. */
  injections(): readonly InjectedEvent[] {
    return this.core.injectedEvents;
  }

  // ── seats ───────────────────────────────────────────────────────────────
  /**
   * Seats a student on case i: a petitioner writes its letters, a procurator
   * decides it; bots then leave that part to the student. Null hands it back.
   */
  assignSeat(i: number, role: "petitioner" | "procurator" | null): void {
    assignSeat(this.core, i, role);
  }

  /**
   * "The computer helps" the class's district: from now on, a file that has
   * waited `afterDays` at review on a student procurator's desk is decided
   * by a computer desk (institutions.ts). Off until called.
   */
  letComputerHelp(afterDays: number): void {
    if (!(afterDays >= 0)) throw new RangeError(`help after ${afterDays} days`);
    this.core.helpAfterDays = afterDays;
  }

  /** A student gives up one part of case i (their seat was removed): the computer plays it from now on. */
  releaseSeat(i: number, role: "petitioner" | "procurator"): void {
    releaseSeat(this.core, i, role);
  }

  /** Whether a student plays this part of case i (the computer plays the others). */
  hasStudent(i: number, role: "petitioner" | "procurator"): boolean {
    return hasStudent(this.core, i, role);
  }

  /**
   * A student's letter: complaint.file to `addressee`, resting on `grounds`,
   * carried by `carrier` (lib/sim/petitions.ts). Returns false, changing
   * nothing, if the machine refuses it.
   */
  fileLetter(i: number, letter: { addressee: Addressee; grounds: Grounds; carrier: Carrier }): boolean {
    return fileLetter(this.core, i, letter);
  }

  /** A complaint about case i already registered when the commission first sat (seats.ts). */
  registerEarlierComplaint(i: number): boolean {
    return registerEarlierComplaint(this.core, i);
  }

  /** A file ready for review when the commission first sat: registered, assembled and checked before (seats.ts). */
  prepareEarlierFile(i: number): boolean {
    return prepareEarlierFile(this.core, i);
  }

  /**
   * Notes in a seated case's story a letter the machine did not take (an
   * earlier one still unanswered, or the case already under review): it
   * joins the pile and changes nothing else.
   */
  noteLetter(i: number, addressee: Addressee): void {
    noteLetter(this.core, i, addressee);
  }

  /**
   * What happened to case i since a student took its seat, oldest first:
   * every change of state, with its simulated day and the event (a player's,
   * a bot's or an institution's). Empty for cases no student sits on.
   */
  caseHistory(i: number): CaseHistoryEntry[] {
    return caseHistory(this.core, i);
  }

  /**
   * A seated procurator spends `hours` of today on case i (reading the file
   * when `read`). The desk's daily budget is checked by the caller; here the
   * work is only recorded, so replaying the class's log rebuilds it.
   */
  recordDeskWork(i: number, hours: number, work: DeskWorkDone = {}): void {
    recordDeskWork(this.core, i, hours, work);
  }

  /** A seated procurator's work on case i: hours today, hours and letters read, the deputy asked, the camp's list requested. */
  deskState(i: number): DeskState {
    return deskState(this.core, i);
  }

  /** Hours a procurator needs to read case i's file (drawn when it became ready for review; 0 before). */
  reviewHours(i: number): number {
    return reviewHours(this.core, i);
  }

  // ── statistics ──────────────────────────────────────────────────────────
  /** Outcome counts and queue figures at the current time. */
  result(seedLabel: number | string): RunResult {
    return result(this.core, seedLabel);
  }

  /** The stage case i waits in (or null once decided or given up) and since which simulated day. */
  caseStage(i: number): { stage: Stage | null; sinceDay: number | null } {
    return caseStage(this.core, i);
  }

  /** How many cases wait in each stage now. */
  stageCounts(): Record<Stage, number> {
    return stageCounts(this.core);
  }

  /** Every case counted once: waiting in a stage, undecided with nobody pursuing it (yet), or decided. */
  tally(): ReturnType<typeof tally> {
    return tally(this.core);
  }

  // ── one case, read-only ─────────────────────────────────────────────────
  /**
   * The real facts of case i (the machines share states between cases their
   * guards cannot tell apart, so the state's own context holds stand-ins for
   * article, organ, term and persons).
   */
  caseFacts(i: number): CaseContext {
    const w = this.core;
    const c = w.stepper.context(w.stateOf(i));
    return {
      ...c,
      organ: SENTENCING_ORGANS[w.organ[i]!]!,
      article: i < w.caseloadSize ? ARTICLES[w.article[i]!]! : NEW_ARREST_ARTICLE,
      termYears: w.termYears[i]!,
      persons: w.personsOf(i),
      custody: c.custody,
    };
  }

  /** The current state of case i, for the interactive driver and tests. */
  caseState(i: number): { path: string; outcome: Outcome } {
    const s = this.core.stateOf(i);
    return { path: this.stepper.path[s]!, outcome: this.stepper.outcome[s]! };
  }

  /** Whether case i's people were in a camp (not in exile) when the run began. */
  startedInCamp(i: number): boolean {
    return this.core.startedInExile[i] === 0;
  }

  /**
   * How many cases the world holds so far: the scenario's caseload, then
   * each new arrest from the day it enters the camps (RULES.newArrests), so
   * cases 0 … caseCount − 1 exist now and a later one does not yet.
   */
  get caseCount(): number {
    return this.core.arrived;
  }

  /** The scenario's own caseload (cases 0 … caseloadSize − 1); new arrests come after it. */
  get caseloadSize(): number {
    return this.core.caseloadSize;
  }

  /** Whether the case machine would accept event `eventId` for case i now (nothing changes). */
  canSend(i: number, eventId: number): boolean {
    return this.stepper.can(this.core.stateOf(i), eventId);
  }

  /**
   * A number that changes whenever case i changes (state or seat): the
   * interactive driver's guard against acting on a case someone else has
   * just moved.
   */
  caseVersion(i: number): number {
    return this.core.epochOf(i);
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
