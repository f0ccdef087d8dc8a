import { assign, setup } from "xstate";
import { AMNESTY_1945_MAX_TERM_YEARS } from "./rules";

/**
 * One prisoner under the amnesty of July 7, 1945 (../shared/domain/brief.md
 * §6, source alexopoulos-1945): release *by category*, the contrast to the
 * 1954–55 review of one file at a time.
 *
 * The decree sorts every prisoner at once by the facts on the file; then the
 * people it frees wait in three queues of limited capacity (the records
 * department's file check, the passport roster, the transit checkpoints and
 * railcars), which the engine serves in the July 12 priority order. Each
 * state's `description` says what it meant historically; `meta.rule` names
 * the rule (machines/rules.ts, with its source key).
 */

/** What a prisoner was convicted of, as the decree sorted it (RULES.amnesty1945Release, RULES.amnesty1945Halving). */
export const OFFENCES_1945 = [
  /** an ordinary offence: freed with three years or less, the rest halved with more */
  "ordinary",
  /** the December 26, 1941 law: leaving work at war factories; freed whatever the term */
  "december1941Law",
  /** desertion and other military crimes; freed whatever the term */
  "military",
  /** a soldier whose sentence was postponed until after the war; freed */
  "postponedSoldier",
  /** the August 7, 1932 theft law, banditry, counterfeiting, murder, robbery: freed only with three years or less, never halved */
  "gravePrivate",
  /** counter-revolution (article 58): freed only with three years or less, never halved */
  "counterRevolution",
] as const;
export type Offence1945 = (typeof OFFENCES_1945)[number];

/** The July 12 order of who goes first (RULES.amnesty1945Priority); "others" is everyone the order does not name. */
export const PRIORITY_GROUPS_1945 = [
  "minor",
  "mother",
  "elderly",
  "invalid",
  "localResident",
  "shirker",
  "others",
] as const;
export type PriorityGroup1945 = (typeof PRIORITY_GROUPS_1945)[number];

/** The facts the decree's rules read (a prisoner's place in the queue is the engine's, not the machine's). */
export type AmnestyPrisonerInput = {
  offence: Offence1945;
  termYears: number;
  /** two or more convictions for theft, embezzlement, robbery, hooliganism… (RULES.amnesty1945Recidivists) */
  recidivist: boolean;
};

export type AmnestyPrisonerContext = AmnestyPrisonerInput & {
  /** the file check missed an earlier conviction */
  missedOnCheck: boolean;
};

export type AmnestyPrisonerEvent =
  /** the decree reaches the camp and the prisoner's file is sorted by category */
  | { type: "decree.sort" }
  /** the records department checks the file for earlier convictions; a hurried check can miss them */
  | { type: "records.check"; thorough: boolean }
  /** the prisoner signs the determination */
  | { type: "prisoner.sign" }
  /** name, photographs and passport on the roster */
  | { type: "passport.issue" }
  /** a railcar from the transit checkpoint: the person goes home */
  | { type: "transit.depart" }
  /** the camp keeps the person on as "voluntary" labour instead */
  | { type: "release.keepOn" }
  /** the records department recalculates a longer term at half its remainder */
  | { type: "records.halve" }
  /** an earlier conviction comes to light after release: the person is hunted down */
  | { type: "release.errorFound" };

/** Whether the decree frees this prisoner outright (RULES.amnesty1945Release). */
export function freedByDecree1945(facts: AmnestyPrisonerInput): boolean {
  if (facts.offence === "december1941Law" || facts.offence === "military" || facts.offence === "postponedSoldier")
    return true;
  return facts.termYears <= AMNESTY_1945_MAX_TERM_YEARS;
}

/**
 * The offences the decree freed only with a short term and never halved
 * (RULES.amnesty1945Halving): with a longer term it did not reach them at all.
 * machines/amnesty-1945.machine.test.ts checks this list against the two rules above and below.
 */
export const NOT_COVERED_OFFENCES_1945 = [
  "gravePrivate",
  "counterRevolution",
] as const satisfies readonly Offence1945[];

/** Whether the decree frees this offence whatever the term (not only with three years or less). */
export function freedWhateverTheTerm1945(offence: Offence1945): boolean {
  return freedByDecree1945({ offence, termYears: AMNESTY_1945_MAX_TERM_YEARS + 1, recidivist: false });
}

/** Whether the decree halves the rest of this prisoner's term (RULES.amnesty1945Halving). */
export function halvedByDecree1945(facts: AmnestyPrisonerInput): boolean {
  return !freedByDecree1945(facts) && facts.offence === "ordinary";
}

export const amnestyPrisonerSetup = setup({
  types: {
    input: {} as AmnestyPrisonerInput,
    context: {} as AmnestyPrisonerContext,
    events: {} as AmnestyPrisonerEvent,
  },
  guards: {
    // RULES.amnesty1945Recidivists: a recidivist is left out whatever the offence, once the file shows it
    // (recalculating a term is not hurried, so it always looks).
    knownRecidivist: ({ context }) => context.recidivist,
    freedByDecree: ({ context }) => freedByDecree1945(context),
    halvedByDecree: ({ context }) => halvedByDecree1945(context),
    checkFindsEarlierConvictions: ({ context, event }) =>
      event.type === "records.check" && event.thorough && context.recidivist,
    wasReleasedInError: ({ context }) => context.missedOnCheck,
  },
  actions: {
    recordMissedConviction: assign({
      missedOnCheck: ({ context, event }) =>
        context.missedOnCheck || (event.type === "records.check" && !event.thorough && context.recidivist),
    }),
  },
});

export const amnestyPrisonerMachine = amnestyPrisonerSetup.createMachine({
  id: "amnesty1945",
  context: ({ input }) => ({ ...input, missedOnCheck: false }),
  initial: "held",
  states: {
    held: {
      description: "In a camp or colony on July 7, 1945, when the amnesty decree is published.",
      on: {
        "decree.sort": [
          // Sorting reads the offence and the term; earlier convictions come to light only when the file is checked.
          { guard: "halvedByDecree", target: "awaitingRecalculation" },
          { guard: "freedByDecree", target: "awaitingFileCheck" },
          { target: "notCovered" },
        ],
      },
    },
    awaitingFileCheck: {
      description:
        "The decree covers this person, but the overburdened records department (OURZ) must first check the file for earlier convictions, in the July 12 order of who goes first.",
      meta: { rule: "amnesty1945Priority" },
      on: {
        "records.check": [
          { guard: "checkFindsEarlierConvictions", target: "excludedAsRecidivist" },
          { target: "awaitingSignature", actions: "recordMissedConviction" },
        ],
      },
    },
    awaitingSignature: {
      description: "The determination is written, and the prisoner must sign it.",
      meta: { rule: "amnesty1945Records" },
      on: { "prisoner.sign": { target: "onPassportRoster" } },
    },
    onPassportRoster: {
      description:
        "The name goes on a passport roster with two photographs; the passport is for five years, or without limit over 55.",
      meta: { rule: "amnesty1945Passports" },
      on: { "passport.issue": { target: "inTransit" } },
    },
    inTransit: {
      description:
        "Freed, with food for 10–15 days, and waiting at one of 115 transit checkpoints for a place on a railcar home.",
      meta: { rule: "amnesty1945Transit" },
      on: {
        "transit.depart": { target: "released" },
        "release.keepOn": { target: "keptOnAsLabour" },
      },
    },
    released: {
      description: "On the way home.",
      meta: { rule: "amnesty1945Transit" },
      on: { "release.errorFound": { guard: "wasReleasedInError", target: "returnedAfterError" } },
    },
    keptOnAsLabour: {
      type: "final",
      description:
        "Freed on paper, but kept on at the camp as “voluntary” wage labour (homes for invalids refused ex-prisoners).",
      meta: { rule: "amnesty1945KeptOn" },
    },
    returnedAfterError: {
      type: "final",
      description: "An earlier conviction came to light after release: hunted down and returned to the camp.",
      meta: { rule: "amnesty1945Errors" },
    },
    excludedAsRecidivist: {
      type: "final",
      description: "The file check found earlier convictions: a recidivist, left out of the amnesty.",
      meta: { rule: "amnesty1945Recidivists" },
    },
    awaitingRecalculation: {
      description: "Not freed, but the rest of the term is to be halved once the records department recalculates it.",
      meta: { rule: "amnesty1945Halving" },
      on: {
        "records.halve": [{ guard: "knownRecidivist", target: "excludedAsRecidivist" }, { target: "termHalved" }],
      },
    },
    termHalved: {
      type: "final",
      description: "The rest of the term is halved; the person stays in the camp for now.",
      meta: { rule: "amnesty1945Halving" },
    },
    notCovered: {
      type: "final",
      description:
        "The decree does not reach this person: counter-revolution, the 1932 theft law, banditry, counterfeiting, murder or robbery with more than three years.",
      meta: { rule: "amnesty1945Halving" },
    },
  },
});
