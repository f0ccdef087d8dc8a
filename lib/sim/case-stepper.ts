import { initialTransition, transition, type SnapshotFrom } from "xstate";
import { caseMachine } from "@/machines/case.machine";
import type { CaseContext, CaseInput } from "@/machines/case-setup";
import type { Outcome } from "@/machines/vocabulary";
import { CASE_EVENTS } from "./case-events";

export type CaseSnapshot = SnapshotFrom<typeof caseMachine>;

/** Result of a step the machine refuses (snapshot.can(event) === false). */
export const REFUSED = -1;
const UNKNOWN = -2;

/**
 * The facts a case machine's guards can tell apart. Two cases with the same
 * canonical facts behave identically in the machine, so they share states.
 * (Article and persons are never read by a guard; a term only matters as
 * "up to five years" for the 1953 amnesty. case-stepper.test.ts checks
 * these claims against XState on generated paths and seeded runs.)
 */
export function canonicalFacts(input: CaseInput): CaseInput {
  return { ...input, article: "58", persons: 1, termYears: input.termYears <= 5 ? 5 : 6 };
}

/**
 * The batch driver's view of the case machine: XState's own pure
 * `transition()`, memoised on (state, event). Every transition it returns was
 * computed by XState the first time it was needed, so XState stays the single
 * source of truth while a national run pays a table lookup per step.
 */
export class CaseStepper {
  private readonly snapshots: CaseSnapshot[] = [];
  private readonly rows: Int32Array[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly initialByFacts = new Map<string, number>();
  /** Dotted state path per state id, e.g. "commission.fileAssembly.checking". */
  readonly path: string[] = [];
  readonly outcome: Outcome[] = [];
  readonly done: boolean[] = [];

  get size(): number {
    return this.snapshots.length;
  }

  initial(input: CaseInput): number {
    const facts = canonicalFacts(input);
    const key = JSON.stringify(facts);
    const known = this.initialByFacts.get(key);
    if (known !== undefined) return known;
    const [snapshot] = initialTransition(caseMachine, facts);
    const id = this.intern(snapshot);
    this.initialByFacts.set(key, id);
    return id;
  }

  /** The next state id, or REFUSED if the machine does not accept the event here. */
  step(stateId: number, eventId: number): number {
    const row = this.rows[stateId];
    if (!row) throw new Error(`Unknown case state ${stateId}`);
    const cached = row[eventId];
    if (cached !== undefined && cached !== UNKNOWN) return cached;
    const snapshot = this.snapshots[stateId]!;
    const event = CASE_EVENTS[eventId]!;
    const next = snapshot.can(event) ? this.intern(transition(caseMachine, snapshot, event)[0]) : REFUSED;
    row[eventId] = next;
    return next;
  }

  can(stateId: number, eventId: number): boolean {
    return this.step(stateId, eventId) !== REFUSED;
  }

  snapshot(stateId: number): CaseSnapshot {
    const snapshot = this.snapshots[stateId];
    if (!snapshot) throw new Error(`Unknown case state ${stateId}`);
    return snapshot;
  }

  context(stateId: number): CaseContext {
    return this.snapshot(stateId).context;
  }

  private intern(snapshot: CaseSnapshot): number {
    const key = JSON.stringify([snapshot.value, snapshot.context]);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const id = this.snapshots.length;
    this.snapshots.push(snapshot);
    this.rows.push(new Int32Array(CASE_EVENTS.length).fill(UNKNOWN));
    this.byKey.set(key, id);
    const path = statePath(snapshot.value);
    this.path.push(path);
    this.done.push(snapshot.status === "done");
    this.outcome.push(outcomeOfPath(path));
    return id;
  }
}

export function statePath(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const [key, child] = Object.entries(value)[0] ?? ["", ""];
    return `${key}.${statePath(child)}`;
  }
  return "";
}

/** The CLI's outcome for a case in this state (RULES.noSpravka: a spravka pending still counts as rehabilitated). */
export function outcomeOfPath(path: string): Outcome {
  const top = path.split(".")[0] ?? "";
  switch (top) {
    case "rehabilitated":
    case "spravka":
      return "rehabilitated";
    case "reclassified":
    case "reduced":
    case "amnestied":
    case "exileEnded":
    case "upheld":
    case "pardoned":
    case "psychiatric":
      return top;
    default:
      return "pending";
  }
}
