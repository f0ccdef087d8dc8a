/**
 * The 1945 amnesty machine as a table, for runs of 1.5 million prisoners.
 *
 * The machine's guards read three facts (the offence, whether the term is
 * over three years, a recidivist or not), so every prisoner is one of 24
 * kinds, and each kind reaches only a handful of states. The table holds
 * every reachable (state, event) pair, each computed once by XState's own
 * `transition()` when the table is built: XState stays the one source of
 * truth, and a run pays an array lookup per step. stepper.test.ts drives
 * live actors alongside the table on generated paths.
 */
import { initialTransition, transition, type SnapshotFrom } from "xstate";
import {
  amnestyPrisonerMachine,
  OFFENCES_1945,
  type AmnestyPrisonerEvent,
  type AmnestyPrisonerInput,
} from "@/machines/amnesty-1945.machine";
import { AMNESTY_1945_MAX_TERM_YEARS } from "@/machines/rules";

/** Every event the engine sends, by the name the engine uses for it. */
const NAMED_EVENTS = {
  sort: { type: "decree.sort" },
  checkThorough: { type: "records.check", thorough: true },
  checkHurried: { type: "records.check", thorough: false },
  sign: { type: "prisoner.sign" },
  passport: { type: "passport.issue" },
  depart: { type: "transit.depart" },
  keepOn: { type: "release.keepOn" },
  halve: { type: "records.halve" },
  errorFound: { type: "release.errorFound" },
} as const satisfies Record<string, AmnestyPrisonerEvent>;

/** The events numbered (the table's columns), in the order of NAMED_EVENTS. */
export const AMNESTY_EVENTS: readonly AmnestyPrisonerEvent[] = Object.values(NAMED_EVENTS);

/** Event ids by name, for the engine: derived from the one list, so a name always sends its own event. */
export const A_EVENT = Object.fromEntries(Object.keys(NAMED_EVENTS).map((name, id) => [name, id])) as Record<
  keyof typeof NAMED_EVENTS,
  number
>;

/** The machine refuses the event in this state. */
export const A_REFUSED = -1;

/** The number of kinds of prisoner the machine tells apart. */
export const FACT_KINDS = OFFENCES_1945.length * 2 * 2;

/** A prisoner's kind (0 … FACT_KINDS-1): what the guards can tell apart. */
export function factKind(facts: AmnestyPrisonerInput): number {
  return kindOf(OFFENCES_1945.indexOf(facts.offence), facts.termYears, facts.recidivist);
}

/** The same from an offence's index, with no object to build (the engine sorts 1.5 million prisoners). */
export function kindOf(offenceIndex: number, termYears: number, recidivist: boolean): number {
  return (offenceIndex * 2 + (termYears > AMNESTY_1945_MAX_TERM_YEARS ? 1 : 0)) * 2 + (recidivist ? 1 : 0);
}

/** The facts of a kind, with a term standing for its class (three years, or four). */
export function factsOfKind(kind: number): AmnestyPrisonerInput {
  const recidivist = kind % 2 === 1;
  const longTerm = Math.floor(kind / 2) % 2 === 1;
  return {
    offence: OFFENCES_1945[Math.floor(kind / 4)]!,
    termYears: longTerm ? AMNESTY_1945_MAX_TERM_YEARS + 1 : AMNESTY_1945_MAX_TERM_YEARS,
    recidivist,
  };
}

type Snapshot = SnapshotFrom<typeof amnestyPrisonerMachine>;

/** The transition table over every reachable state of every kind. */
export class AmnestyStepper {
  /** the state's name, e.g. "awaitingFileCheck" */
  readonly stateName: string[] = [];
  readonly isFinal: boolean[] = [];
  /** next state id per (state, event), or A_REFUSED; row-major, AMNESTY_EVENTS.length columns */
  readonly next: Int32Array;
  /** the initial state of each kind */
  readonly initialOfKind: Int32Array;

  constructor() {
    const snapshots: Snapshot[] = [];
    const index = new Map<string, number>();
    const intern = (s: Snapshot): number => {
      const key = JSON.stringify([s.value, s.context]);
      let id = index.get(key);
      if (id === undefined) {
        id = snapshots.length;
        index.set(key, id);
        snapshots.push(s);
        this.stateName.push(String(s.value));
        this.isFinal.push(s.status === "done");
      }
      return id;
    };
    this.initialOfKind = Int32Array.from({ length: FACT_KINDS }, (_, kind) =>
      intern(initialTransition(amnestyPrisonerMachine, factsOfKind(kind))[0]),
    );
    const rows: number[] = [];
    for (let id = 0; id < snapshots.length; id++) {
      for (const event of AMNESTY_EVENTS) {
        const from = snapshots[id]!;
        const [to] = transition(amnestyPrisonerMachine, from, event);
        // XState returns the very same snapshot when no transition is enabled.
        rows.push(to === from ? A_REFUSED : intern(to));
      }
    }
    this.next = Int32Array.from(rows);
  }

  get size(): number {
    return this.stateName.length;
  }

  step(stateId: number, eventId: number): number {
    return this.next[stateId * AMNESTY_EVENTS.length + eventId]!;
  }
}

let shared: AmnestyStepper | null = null;
/** One table per process: it never changes. */
export function amnestyStepper(): AmnestyStepper {
  shared ??= new AmnestyStepper();
  return shared;
}
