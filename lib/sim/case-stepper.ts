import { initialTransition, transition } from "xstate";
import { caseMachine } from "@/machines/case.machine";
import { initialCaseContext, type CaseContext, type CaseEvent, type CaseInput } from "@/machines/case-setup";
import {
  COURT_RULINGS,
  DECISIONS,
  EXTRAJUDICIAL_ORGANS,
  RELEASING_OUTCOMES,
  type Custody,
  type Outcome,
} from "@/machines/vocabulary";
import { CASE_EVENTS } from "@/machines/case-events";
import {
  AMNESTY_1953_MAX_TERM_YEARS,
  amnesty1953Covers,
  COLLABORATION_ARTICLE,
  RECLASSIFIABLE_ARTICLE,
  reclassifiable,
} from "@/machines/rules";
import { isFinalPath, reduceCase, reduceCaseInPlace, snap, valueOfPath, type PlainSnapshot } from "./case-reducer";
import { IntegerMap } from "./integer-map";
import { grown } from "./typed-arrays";

/** What the stepper keeps of a snapshot: where the case is, its context, done or not. */
export type CaseSnapshot = PlainSnapshot;

/**
 * Where a cache miss is computed: XState's own `transition()` (the source of
 * truth), or the hand-written reducer proven equal to it (fast).
 */
export type TransitionSource = "xstate" | "reducer";

/** Result of a step the machine refuses (snapshot.can(event) === false). */
export const REFUSED = -1;

/**
 * A state's info word (CaseStepper.info): its path's number in the low
 * PATH_BITS, then what the batch driver reads of its context, as flags and a
 * small count. One int per state in one small array, so the hot loop reads
 * no context object (each one a cache miss of its own on a national run:
 * measured).
 */
export const PATH_BITS = 8;
export const PATH_MASK = (1 << PATH_BITS) - 1;
/** complaints < maxComplaints: a bot may write again. */
export const COMPLAINTS_LEFT = 1 << PATH_BITS;
export const ORIGINALS_ELSEWHERE = 1 << (PATH_BITS + 1);
export const ORIGINALS_REQUESTED = 1 << (PATH_BITS + 2);
/** crossChecksDone < crossChecks. */
export const CROSS_CHECKS_LEFT = 1 << (PATH_BITS + 3);
export const COMPLAINTS_ONLY = 1 << (PATH_BITS + 4);
export const RECLASSIFICATION_LAW = 1 << (PATH_BITS + 5);
export const COLLABORATORS_AMNESTY = 1 << (PATH_BITS + 6);
export const PETITIONED_PRESIDIUM = 1 << (PATH_BITS + 7);
/** spravkaRequests, up to 255 (the driver tells no larger counts apart), from this bit on. */
export const SPRAVKA_REQUESTS_SHIFT = PATH_BITS + 8;

/** The context's part of a state's info word (see PATH_BITS). */
function contextFlags(c: CaseContext): number {
  return (
    (c.complaints < c.maxComplaints ? COMPLAINTS_LEFT : 0) |
    (c.originalsElsewhere ? ORIGINALS_ELSEWHERE : 0) |
    (c.originalsRequested ? ORIGINALS_REQUESTED : 0) |
    (c.crossChecksDone < c.crossChecks ? CROSS_CHECKS_LEFT : 0) |
    (c.complaintsOnly ? COMPLAINTS_ONLY : 0) |
    (c.reclassificationLaw ? RECLASSIFICATION_LAW : 0) |
    (c.collaboratorsAmnesty ? COLLABORATORS_AMNESTY : 0) |
    (c.petitionedPresidium ? PETITIONED_PRESIDIUM : 0) |
    (Math.min(255, c.spravkaRequests) << SPRAVKA_REQUESTS_SHIFT)
  );
}

/**
 * The facts a case machine's guards can tell apart. Two cases with the same
 * canonical facts behave identically in the machine, so they share states.
 * (Persons are never read by a guard; an article only as reclassifiable
 * (58-7/11) or not; a term only as "up to five years" for the 1953 amnesty;
 * an organ only as judicial or extrajudicial. case-stepper.test.ts checks
 * these claims against XState on generated paths and seeded runs.)
 */
export function canonicalFacts(input: CaseInput): CaseInput {
  // The default reading is the field left out, so a case written without it is the same case.
  const { amnestyReading, exileAfterTerm, newArrest, ...facts } = input;
  return {
    ...facts,
    ...(amnestyReading === "politicalsLeftOut" ? { amnestyReading } : {}),
    ...(exileAfterTerm ? { exileAfterTerm } : {}),
    ...(newArrest ? { newArrest } : {}),
    organ: EXTRAJUDICIAL_ORGANS.includes(input.organ) ? "specialConference" : "court",
    article: articleClass(input.article),
    persons: 1,
    termYears: amnesty1953Covers(input.termYears) ? AMNESTY_1953_MAX_TERM_YEARS : AMNESTY_1953_MAX_TERM_YEARS + 1,
  };
}

/** An article as the guards tell them apart: 58-7/11 (reclassifiable), 58-1 (collaboration), or any other. */
function articleClass(article: string): string {
  return reclassifiable(article) ? RECLASSIFIABLE_ARTICLE : article === COLLABORATION_ARTICLE ? article : "58";
}
const ARTICLE_CLASSES = ["58", RECLASSIFIABLE_ARTICLE, COLLABORATION_ARTICLE];

/**
 * The batch driver's view of the case machine: XState's own pure
 * `transition()`, memoised on (state, event). Every transition it returns was
 * computed by XState the first time it was needed, so XState stays the single
 * source of truth while a national run pays a table lookup per step.
 */
export class CaseStepper {
  constructor(readonly source: TransitionSource = "reducer") {}

  /**
   * Every memoised transition, SLOTS per state side by side (16 bytes, in
   * one cache line), each slot `stored << EVENT_BITS | eventId`, and those past
   * a state's SLOTS in `overflow`. A state is asked about 1.8 events on
   * average and rarely more than four (the review states, about every
   * decision), so this holds the national run's 124,000 transitions in
   * about 1 MB where a full row per state (a column per event) took 10 MB:
   * a fresh page costs about 11 µs on this machine, and on a national run
   * each step reads another state's row (both measured). `stored` is the
   * result + STORED_OFFSET, so 0 (a fresh buffer's value) means a free
   * slot; ACCEPTED (negative) means accepted, the target not yet computed.
   */
  private slots = new Int32Array(SLOTS * 1024);
  /** Transitions past a state's SLOTS, by stateId × 2^EVENT_BITS + eventId, as stored + 1 (IntegerMap holds no negatives). */
  private readonly overflow = new IntegerMap(1024);
  /**
   * Each state's context, or undefined for a state the reducer reached from
   * a packed one (see `packed`): its context object is built only when asked
   * for (`context`), from its parent's and its own key.
   */
  private readonly contexts: (CaseContext | undefined)[] = [];
  /**
   * Each state's numericKey, NaN for a state outside the packed ranges. A
   * state with a key is stepped by unpacking the key into `scratch`,
   * stepping that in place (reduceCaseInPlace) and packing the result: no
   * context object per step, so a miss costs a little arithmetic and a
   * lookup (each miss allocated contexts before; filling the memo was most
   * of the difference between a cold run and a warm one: measured).
   */
  private keys = new Float64Array(1024);
  /** The state a lazily built context is derived from: its facts and key order are the parent's. */
  private parents = new Int32Array(1024);
  /**
   * The one context a packed state is unpacked into to be stepped (its shape
   * never changes: every field is present from the start, in the order
   * initialCaseContext gives them).
   */
  private readonly scratch: CaseContext = initialCaseContext({
    organ: "court",
    article: "58",
    termYears: 0,
    custody: "camp",
    persons: 1,
    originalsElsewhere: false,
    crossChecks: 0,
    maxComplaints: 0,
    amnestyReading: undefined,
    exileAfterTerm: false,
    newArrest: false,
  });
  /** State ids by numericKey, and by stringKey for the rare context outside the packed ranges. */
  /**
   * Sized for the states a 20k run meets (30,198) with room to spare: grown
   * from a small map, its rehashing was a noticeable part of a cold run
   * (measured). A national run (67,845 states) grows it once.
   */
  private readonly byKey = new IntegerMap(1 << 16);
  private readonly byStringKey = new Map<string, number>();
  private readonly pathIndex = new Map<string, number>();
  /** Each path met so far, by its number (the low bits of a state's info word). */
  readonly paths: string[] = [];
  private infoWords = new Int32Array(1024);
  private readonly initialByFacts = new Map<number, number>();
  /** Dotted state path per state id, e.g. "commission.fileAssembly.checking". */
  readonly path: string[] = [];
  readonly outcome: Outcome[] = [];
  readonly done: boolean[] = [];
  /**
   * The person is free by the state's outcome (RELEASING_OUTCOMES) and has
   * left the camp: a flag, so a tally over every case reads an array.
   */
  readonly releasing: boolean[] = [];
  /** A release order is issued but the camp still holds the person (RULES.heldAfterRelease): decided, not released. */
  readonly held: boolean[] = [];

  get size(): number {
    return this.path.length;
  }

  /** The state's info word: its path's number and what the driver reads of its context (see PATH_BITS). */
  info(stateId: number): number {
    return this.infoWords[stateId]!;
  }

  /** The number of a path (the low PATH_BITS of a state's info word), given on first sight. */
  private pathId(path: string): number {
    let p = this.pathIndex.get(path);
    if (p === undefined) {
      p = this.paths.length;
      if (p > PATH_MASK) throw new Error(`more than ${PATH_MASK + 1} case-machine paths`);
      this.pathIndex.set(path, p);
      this.paths.push(path);
      const outcome = outcomeOfPath(path);
      this.outcomeOfPathId.push(outcome);
      this.doneOfPathId.push(isFinalPath(path));
      this.releasingOfPathId.push(RELEASING_OUTCOMES.includes(outcome));
    }
    return p;
  }
  /**
   * What a new state's path alone tells (its outcome, whether it is final,
   * whether that outcome frees the person), by path number: worked out from
   * the path's text once rather than for each of a run's tens of thousands
   * of states.
   */
  private readonly outcomeOfPathId: Outcome[] = [];
  private readonly doneOfPathId: boolean[] = [];
  private readonly releasingOfPathId: boolean[] = [];

  initial(input: CaseInput): number {
    // A number per distinct canonical case, cheap enough for 467,946 cases.
    const key =
      ((((((((EXTRAJUDICIAL_ORGANS.includes(input.organ) ? 1 : 0) * 2 + (amnesty1953Covers(input.termYears) ? 1 : 0)) *
        4 +
        CUSTODY.indexOf(input.custody)) *
        2 +
        (input.originalsElsewhere ? 1 : 0)) *
        3 +
        ARTICLE_CLASSES.indexOf(articleClass(input.article))) *
        2 +
        (input.amnestyReading === "politicalsLeftOut" ? 1 : 0)) *
        2 +
        (input.exileAfterTerm ? 1 : 0)) *
        2 +
        (input.newArrest ? 1 : 0)) *
        1_000_000 +
      input.crossChecks * 1000 +
      input.maxComplaints;
    const known = this.initialByFacts.get(key);
    if (known !== undefined) return known;
    const facts = canonicalFacts(input);
    const snapshot: CaseSnapshot =
      this.source === "xstate"
        ? plain(initialTransition(caseMachine, facts)[0])
        : { path: "complaint.unwritten", context: initialCaseContext(facts), status: "active" };
    const id = this.intern(snapshot);
    this.initialByFacts.set(key, id);
    return id;
  }

  /** The next state id, or REFUSED if the machine does not accept the event here. */
  step(stateId: number, eventId: number): number {
    if (!(stateId >= 0 && stateId < this.path.length)) throw new Error(`Unknown case state ${stateId}`);
    if (!(eventId >= 0 && eventId < EVENT_COUNT)) throw new Error(`Unknown case event id ${eventId}`);
    const stored = this.stored(stateId, eventId);
    if (stored > 0) return stored - STORED_OFFSET;
    return this.miss(stateId, eventId);
  }

  /**
   * Whether the machine accepts the event here. Asking does not intern the
   * state it would lead to: the driver asks about every decision and ruling
   * a desk might draw, and the targets of those not drawn were a fifth of
   * the memo's states (measured), each a context object and a table row.
   */
  can(stateId: number, eventId: number): boolean {
    if (!(stateId >= 0 && stateId < this.path.length)) throw new Error(`Unknown case state ${stateId}`);
    if (!(eventId >= 0 && eventId < EVENT_COUNT)) throw new Error(`Unknown case event id ${eventId}`);
    const stored = this.stored(stateId, eventId);
    if (stored !== 0) return stored !== REFUSED + STORED_OFFSET;
    const accepted = this.packed(stateId)
      ? reduceCaseInPlace(this.path[stateId]!, this.unpack(stateId), CASE_EVENTS[eventId]!) !== null
      : this.compute(stateId, CASE_EVENTS[eventId]!) !== null;
    this.remember(stateId, eventId, accepted ? ACCEPTED : REFUSED + STORED_OFFSET);
    return accepted;
  }

  /** The state's first slot, or 0 if there is none: read only to bring its slots into cache (WorldCore.warmBucket). */
  peek(stateId: number): number {
    if (!(stateId >= 0 && stateId < this.path.length)) return 0;
    return this.slots[SLOTS * stateId]!;
  }

  /** What the memo holds for (state, event): the result + STORED_OFFSET, ACCEPTED, or 0 if nothing yet. */
  private stored(stateId: number, eventId: number): number {
    const slots = this.slots;
    const at = SLOTS * stateId;
    // Slots fill in order, so a free one ends the search; SLOTS is 4, written out.
    let entry = slots[at]!;
    if ((entry & EVENT_MASK) === eventId && entry !== 0) return entry >> EVENT_BITS;
    if (entry === 0) return 0;
    entry = slots[at + 1]!;
    if ((entry & EVENT_MASK) === eventId && entry !== 0) return entry >> EVENT_BITS;
    if (entry === 0) return 0;
    entry = slots[at + 2]!;
    if ((entry & EVENT_MASK) === eventId && entry !== 0) return entry >> EVENT_BITS;
    if (entry === 0) return 0;
    entry = slots[at + 3]!;
    if ((entry & EVENT_MASK) === eventId && entry !== 0) return entry >> EVENT_BITS;
    if (entry === 0) return 0;
    const spilled = this.overflow.get(stateId * EVENT_SLOTS + eventId);
    return spilled === -1 ? 0 : spilled - 1;
  }

  /** Records `stored` for (state, event): in the slot it had (an ACCEPTED becoming a target), else the first free one. */
  private remember(stateId: number, eventId: number, stored: number): void {
    const slots = this.slots;
    const at = SLOTS * stateId;
    for (let k = 0; k < SLOTS; k++) {
      const entry = slots[at + k]!;
      if (entry === 0 || (entry & EVENT_MASK) === eventId) {
        slots[at + k] = stored * EVENT_SLOTS + eventId;
        return;
      }
    }
    this.overflow.set(stateId * EVENT_SLOTS + eventId, stored + 1);
  }

  /** A transition not yet in the table: computed once, then remembered. */
  private miss(stateId: number, eventId: number): number {
    let id: number;
    if (this.packed(stateId)) {
      const path = reduceCaseInPlace(this.path[stateId]!, this.unpack(stateId), CASE_EVENTS[eventId]!);
      id = path === null ? REFUSED : this.internScratch(path, stateId);
    } else {
      const next = this.compute(stateId, CASE_EVENTS[eventId]!);
      id = next === null ? REFUSED : this.intern(next);
    }
    this.remember(stateId, eventId, id + STORED_OFFSET);
    return id;
  }

  private compute(stateId: number, event: CaseEvent): CaseSnapshot | null {
    const context = this.context(stateId);
    const path = this.path[stateId]!;
    if (this.source === "reducer") return reduceCase(path, context, event);
    const resolved = caseMachine.resolveState({
      value: valueOfPath(path) as never,
      context,
    });
    const [next] = transition(caseMachine, resolved, event);
    // XState returns the very same snapshot when no transition is enabled.
    return next === resolved ? null : plain(next);
  }

  snapshot(stateId: number): CaseSnapshot {
    const context = this.context(stateId);
    return { path: this.path[stateId]!, context, status: this.done[stateId] ? "done" : "active" };
  }

  context(stateId: number): CaseContext {
    if (!(stateId >= 0 && stateId < this.path.length)) throw new Error(`Unknown case state ${stateId}`);
    const known = this.contexts[stateId];
    if (known) return known;
    // Built once, from the parent's context (so its facts, and its keys' order, are those reduceCase would keep).
    const base = this.context(this.parents[stateId]!);
    const context = withStepFields(base, this.unpack(stateId));
    this.contexts[stateId] = context;
    return context;
  }

  /** Whether the state is stepped through its key (the reducer's source, a key in the packed ranges). */
  private packed(stateId: number): boolean {
    return this.source === "reducer" && !Number.isNaN(this.keys[stateId]!);
  }

  /**
   * The state's context, decoded from its numericKey into `scratch` (the
   * inverse of numericKey, canonical facts). Every radix of the key is a
   * power of two, so its fields are bit fields: split into two int32 halves
   * at LOW_KEY_BITS, they are read with shifts and masks (a remainder of a
   * double is a call into the runtime: measured).
   */
  private unpack(stateId: number): CaseContext {
    const c = this.scratch;
    const key = this.keys[stateId]!;
    const high = Math.floor(key / LOW_KEY_RANGE);
    const low = key - high * LOW_KEY_RANGE;
    c.passportMinus = (low & 1) !== 0;
    c.collaboratorsAmnesty = ((low >>> 1) & 1) !== 0;
    c.reclassificationLaw = ((low >>> 2) & 1) !== 0;
    c.spravkaIssued = ((low >>> 3) & 1) !== 0;
    c.spravkaRequests = (low >>> 4) & 7;
    c.ruling = RULING_CODES[(low >>> 7) & 7]!;
    c.decision = DECISION_CODES[(low >>> 10) & 7]!;
    c.crossChecksDone = (low >>> 13) & 15;
    c.originalsRequested = ((low >>> 17) & 1) !== 0;
    c.complaintsOnly = ((low >>> 18) & 1) !== 0;
    c.listArrived = ((low >>> 19) & 1) !== 0;
    c.petitionedPresidium = ((low >>> 20) & 1) !== 0;
    c.complaints = (low >>> 21) & 15;
    c.maxComplaints = high & 15;
    c.crossChecks = (high >>> 4) & 15;
    c.originalsElsewhere = ((high >>> 8) & 1) !== 0;
    c.custody = CUSTODY[(high >>> 9) & 3]! as Custody;
    c.newArrest = ((high >>> 11) & 1) !== 0;
    c.exileAfterTerm = ((high >>> 12) & 1) !== 0;
    c.amnestyReading = ((high >>> 13) & 1) !== 0 ? "politicalsLeftOut" : undefined;
    c.article = ARTICLE_CLASSES[(high >>> 14) & 3]!;
    c.termYears = ((high >>> 16) & 1) === 0 ? 5 : 6;
    c.organ = ((high >>> 17) & 1) === 0 ? "specialConference" : "court";
    return c;
  }

  /**
   * Every context field and the path packed into one integer (mixed radix,
   * under 2^53) — far cheaper to hash than a string on a national run. Null
   * when a value falls outside the packed ranges; stringKey then takes over.
   */
  private numericKey(p: number, c: CaseContext): number | null {
    const organ = c.organ === "specialConference" ? 0 : c.organ === "court" ? 1 : -1;
    const term = c.termYears === 5 ? 0 : c.termYears === 6 ? 1 : -1;
    const article = ARTICLE_CLASSES.indexOf(c.article);
    const reading = c.amnestyReading === "politicalsLeftOut" ? 1 : 0;
    const exileAfter = c.exileAfterTerm ? 1 : 0;
    const newArrest = c.newArrest ? 1 : 0;
    const custody = CUSTODY.indexOf(c.custody);
    const decision = DECISION_CODES.indexOf(c.decision);
    const ruling = RULING_CODES.indexOf(c.ruling);
    if (
      p >= 64 ||
      organ < 0 ||
      term < 0 ||
      article < 0 ||
      c.persons !== 1 ||
      !small(c.crossChecks, 16) ||
      !small(c.maxComplaints, 16) ||
      !small(c.complaints, 16) ||
      !small(c.crossChecksDone, 16) ||
      !small(c.spravkaRequests, 8)
    ) {
      return null;
    }
    let k = p;
    k = k * 2 + organ;
    k = k * 2 + term;
    k = k * 4 + article;
    k = k * 2 + reading;
    k = k * 2 + exileAfter;
    k = k * 2 + newArrest;
    k = k * 4 + custody;
    k = k * 2 + bit(c.originalsElsewhere);
    k = k * 16 + c.crossChecks;
    k = k * 16 + c.maxComplaints;
    k = k * 16 + c.complaints;
    k = k * 2 + bit(c.petitionedPresidium);
    k = k * 2 + bit(c.listArrived);
    k = k * 2 + bit(c.complaintsOnly);
    k = k * 2 + bit(c.originalsRequested);
    k = k * 16 + c.crossChecksDone;
    k = k * 8 + decision;
    k = k * 8 + ruling;
    k = k * 8 + c.spravkaRequests;
    k = k * 2 + bit(c.spravkaIssued);
    k = k * 2 + bit(c.reclassificationLaw);
    k = k * 2 + bit(c.collaboratorsAmnesty);
    return k * 2 + bit(c.passportMinus);
  }

  private stringKey(path: string, c: CaseContext): string {
    return `${path}|${JSON.stringify(c)}`;
  }

  /** The state id of a snapshot restored from storage. */
  adopt(snapshot: CaseSnapshot): number {
    return this.intern(snapshot);
  }

  private intern(snapshot: CaseSnapshot): number {
    const path = snapshot.path;
    const pathId = this.pathId(path);
    const numeric = this.numericKey(pathId, snapshot.context);
    const text = numeric === null ? this.stringKey(path, snapshot.context) : "";
    const known = numeric !== null ? this.byKey.get(numeric) : (this.byStringKey.get(text) ?? -1);
    if (known !== -1) return known;
    const id = this.add(
      pathId,
      snapshot.status === "done",
      snapshot.context,
      numeric ?? Number.NaN,
      -1,
      snapshot.context,
    );
    if (numeric !== null) this.byKey.set(numeric, id);
    else this.byStringKey.set(text, id);
    return id;
  }

  /** The state `scratch` holds at `path`, reached from state `parent` by the reducer (see `keys`). */
  private internScratch(path: string, parent: number): number {
    const pathId = this.pathId(path);
    const numeric = this.numericKey(pathId, this.scratch);
    // Outside the packed ranges: a context object after all, as intern keeps it.
    if (numeric === null) return this.intern(snap(path, withStepFields(this.context(parent), this.scratch)));
    const known = this.byKey.get(numeric);
    if (known !== -1) return known;
    const id = this.add(pathId, this.doneOfPathId[pathId]!, undefined, numeric, parent, this.scratch);
    this.byKey.set(numeric, id);
    return id;
  }

  /** A new state: its memo slots, info word, key and what the driver reads of it (`facts`: its context, or one equal to it). */
  private add(
    pathId: number,
    done: boolean,
    context: CaseContext | undefined,
    key: number,
    parent: number,
    facts: CaseContext,
  ): number {
    const id = this.path.length;
    if (SLOTS * id === this.slots.length) this.slots = grown(this.slots, 2 * this.slots.length);
    this.contexts.push(context);
    if (id === this.infoWords.length) {
      this.infoWords = grown(this.infoWords, 2 * id);
      this.keys = grown(this.keys, 2 * id);
      this.parents = grown(this.parents, 2 * id);
    }
    this.infoWords[id] = pathId | contextFlags(facts);
    this.keys[id] = key;
    this.parents[id] = parent;
    const path = this.paths[pathId]!;
    this.path.push(path);
    this.done.push(done);
    const held = path === HELD_AFTER_RELEASE;
    // Held after release is the one path whose outcome is the decision's (outcomeOf).
    this.outcome.push(held ? outcomeOf(path, facts) : this.outcomeOfPathId[pathId]!);
    this.held.push(held);
    this.releasing.push(this.releasingOfPathId[pathId]! && !held);
    return id;
  }
}

const EVENT_COUNT = CASE_EVENTS.length;
/** Memoised transitions kept beside each state (CaseStepper.slots); more go to its overflow map. */
const SLOTS = 4;
// CaseStepper.stored reads the four slots written out, one after another.
if (SLOTS !== 4) throw new Error("CaseStepper.stored reads exactly four slots");
/** A slot's low bits hold the event id: every id is below 2^EVENT_BITS. */
const EVENT_BITS = 6;
const EVENT_SLOTS = 1 << EVENT_BITS;
const EVENT_MASK = EVENT_SLOTS - 1;
if (EVENT_COUNT > EVENT_SLOTS) throw new Error(`${EVENT_COUNT} case events do not fit ${EVENT_BITS} bits`);
/** What the table adds to a result (REFUSED or a state id) so that 0 can mean "not computed yet". */
const STORED_OFFSET = 1 - REFUSED;
/** What the table holds for a transition known to be accepted (by `can`) whose target is not interned yet. */
const ACCEPTED = -1;
/** numericKey's fields below maxComplaints (passportMinus … complaints) take this many bits: unpack splits the key there. */
const LOW_KEY_RANGE = 2 ** 25;
const small = (x: number, radix: number) => Number.isInteger(x) && x >= 0 && x < radix;
const bit = (b: boolean) => (b ? 1 : 0);

const CUSTODY = ["camp", "exile", "released", "psychiatric"];

/**
 * `base` with the fields events change taken from `from` (the facts, and
 * the order of the keys, stay base's): a lazily built context, equal to
 * the one reduceCase would have returned along the way.
 */
function withStepFields(base: CaseContext, from: CaseContext): CaseContext {
  return {
    ...base,
    custody: from.custody,
    complaints: from.complaints,
    petitionedPresidium: from.petitionedPresidium,
    listArrived: from.listArrived,
    complaintsOnly: from.complaintsOnly,
    originalsRequested: from.originalsRequested,
    crossChecksDone: from.crossChecksDone,
    decision: from.decision,
    ruling: from.ruling,
    spravkaRequests: from.spravkaRequests,
    spravkaIssued: from.spravkaIssued,
    passportMinus: from.passportMinus,
    reclassificationLaw: from.reclassificationLaw,
    collaboratorsAmnesty: from.collaboratorsAmnesty,
  };
}
const DECISION_CODES = [null, ...DECISIONS];
const RULING_CODES = [null, ...COURT_RULINGS];

function plain(snapshot: { value: unknown; context: CaseContext; status: string }): CaseSnapshot {
  return {
    path: statePath(snapshot.value),
    context: snapshot.context,
    status: snapshot.status === "done" ? "done" : "active",
  };
}

export function statePath(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const [key, child] = Object.entries(value)[0] ?? ["", ""];
    return `${key}.${statePath(child)}`;
  }
  return "";
}

/** The state of a case whose release order the camp has not yet carried out (RULES.heldAfterRelease). */
export const HELD_AFTER_RELEASE = "heldAfterRelease";

/**
 * The CLI's outcome for a case in this state: by its path, or, while the camp
 * still holds a person ordered released, by the decision (decided, not yet
 * released: RULES.heldAfterRelease).
 */
export function outcomeOf(path: string, context: CaseContext): Outcome {
  if (path !== HELD_AFTER_RELEASE) return outcomeOfPath(path);
  switch (context.decision) {
    case "fullRehabilitation":
      return "rehabilitated";
    case "reclassification":
      return "reclassified";
    case "amnesty1953":
      return "amnestied";
    default:
      return "pending";
  }
}

/** The CLI's outcome for a case in this state (RULES.noSpravka: a spravka pending still counts as rehabilitated). */
export function outcomeOfPath(path: string): Outcome {
  const dot = path.indexOf(".");
  const top = dot < 0 ? path : path.slice(0, dot);
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
