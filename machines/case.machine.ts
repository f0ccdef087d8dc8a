import { caseSetup, initialCaseContext } from "./case-setup";
import { commissionStage } from "./commission.machine";
import { complaintStage } from "./complaint.machine";
import { courtStage } from "./court.machine";
import { listsStage } from "./prisoner-lists.machine";
import { spravkaStage } from "./spravka.machine";

/**
 * One case (one or more persons) moving through the 1954–55 review:
 * complaint → prisoner lists → commission → court → spravka.
 *
 * Each state's `description` says what it meant historically; `meta.rule`
 * names the rule (machines/rules.ts, with its source key) where one applies.
 */
/**
 * Where a decision takes the case once it is final: by the commission for an
 * extrajudicial sentence, or when a court upholds the protest for a court
 * sentence (RULES.extrajudicialFinal).
 */
const LEAVE_CUSTODY = [
  { guard: "decidedRehabilitation", target: "spravka", actions: "release" },
  { guard: "decidedReclassification", target: "reclassified", actions: "releaseWithRecord" },
  { guard: "decidedReduction", target: "reduced" },
  { guard: "decidedAmnesty", target: "amnestied", actions: "releaseWithRecord" },
  { guard: "decidedEndExile", target: "exileEnded", actions: "releaseWithRecord" },
] as const;

/**
 * A decision that frees someone in a camp is first a release order: the camp
 * holds them a while yet (RULES.heldAfterRelease), then they leave as
 * LEAVE_CUSTODY says. Other decisions take effect at once.
 */
const CARRY_OUT_DECISION = [{ guard: "releaseOrderedFromCamp", target: "heldAfterRelease" }, ...LEAVE_CUSTODY] as const;

/**
 * A relative's letter to the Presidium written after a camp list (or an
 * earlier letter) already brought the case up: the review goes on unchanged,
 * and the Presidium may still pardon (RULES.presidiumPardon). Lists and
 * letters were independent: a list arriving did not stop anyone writing.
 */
const PETITION_ALONGSIDE = { "presidium.petition": { actions: "recordPresidiumPetition" } } as const;

/**
 * A new law reaches a file under way: it changes what its review may decide
 * (RULES.reclassificationTo109, RULES.collaboratorsAmnesty).
 */
const RULING_REACHES_FILE = {
  "law.reclassification": { guard: "isReclassifiable", actions: "recordReclassificationLaw" },
  "law.collaboratorsAmnesty": { guard: "isCollaborationCase", actions: "recordCollaboratorsAmnesty" },
} as const;

export const caseMachine = caseSetup.createMachine({
  id: "case",
  version: "2",
  context: ({ input }) => initialCaseContext(input),
  initial: "complaint",
  states: {
    complaint: {
      description: "No registered complaint yet; a camp list arriving also starts the review.",
      meta: { rule: "complaintsOnly" },
      ...complaintStage,
      onDone: [{ guard: "listArrived", target: "commission" }, { target: "lists" }],
      on: {
        "lists.arrive": { target: "commission", actions: "recordList" },
        "presidium.pardon": { guard: "petitionedPresidium", target: "pardoned", actions: "pardon" },
      },
    },
    lists: {
      description: "Complaint registered, the commission waits for the camp's list.",
      ...listsStage,
      onDone: { target: "commission" },
      on: {
        "presidium.pardon": { guard: "petitionedPresidium", target: "pardoned", actions: "pardon" },
        ...PETITION_ALONGSIDE,
      },
    },
    commission: {
      description: "File assembly and review at a procurator's desk; a Presidium pardon can still overtake it.",
      ...commissionStage,
      // A petition to the Presidium runs alongside the commission's work (RULES.presidiumPardon).
      on: {
        "presidium.pardon": { guard: "petitionedPresidium", target: "pardoned", actions: "pardon" },
        ...PETITION_ALONGSIDE,
        ...RULING_REACHES_FILE,
      },
      onDone: [
        { guard: "decidedRefusal", target: "upheld" },
        { guard: "isJudicialSentence", target: "court" },
        ...CARRY_OUT_DECISION,
      ],
    },
    court: {
      description: "A protest against a court sentence waits for a ruling.",
      meta: { rule: "extrajudicialFinal" },
      ...courtStage,
      // A Presidium pardon can overtake a protest too (RULES.presidiumPardon).
      on: {
        "presidium.pardon": { guard: "petitionedPresidium", target: "pardoned", actions: "pardon" },
        ...PETITION_ALONGSIDE,
      },
      onDone: [
        { guard: "ruledReject", target: "upheld" },
        { guard: "ruledPsychiatric", target: "psychiatric", actions: "commitToSerbsky" },
        ...CARRY_OUT_DECISION,
      ],
    },
    heldAfterRelease: {
      description:
        "A release order is issued, but the camp still holds the person (December 1954: prisoners already legally freed were still held). Decided, not yet released.",
      meta: { rule: "heldAfterRelease" },
      on: { "release.leaveCamp": [...LEAVE_CUSTODY] },
    },
    spravka: {
      description: "Rehabilitated, certificate pending.",
      meta: { rule: "noSpravka" },
      ...spravkaStage,
      onDone: { target: "rehabilitated" },
    },
    rehabilitated: { type: "final", description: "Full rehabilitation with the spravka in hand." },
    reclassified: {
      type: "final",
      description:
        "The crime (58-7/11) reclassified as art. 109, five years, which brought the March 1953 amnesty into reach: released from the camp, the record stands (and an exile the sentence adds begins).",
      meta: { rule: "reclassificationTo109" },
    },
    reduced: { type: "final", description: "The sentence reduced; still a convict." },
    amnestied: {
      type: "final",
      description:
        "Released under the March 27, 1953 amnesty (home, or into the exile the sentence adds if no order ended it).",
      meta: { rule: "amnestyFiveYears" },
    },
    exileEnded: {
      type: "final",
      description: "Exile ended by a separate decision.",
      meta: { rule: "exileSeparateDecision" },
    },
    upheld: {
      type: "final",
      description: "The earlier refusal confirmed, or the protest rejected: the sentence stands.",
    },
    pardoned: {
      type: "final",
      description: 'Rescinded "without objection" by the Presidium: free, not rehabilitated.',
      meta: { rule: "presidiumPardon" },
    },
    psychiatric: {
      type: "final",
      description: "Sent to the Serbsky Institute instead of release.",
      meta: { rule: "courtRulings" },
    },
  },
});
