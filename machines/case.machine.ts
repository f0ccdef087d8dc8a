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
 * - `complaint` — no registered complaint yet; a camp list arriving also starts the review (RULES.complaintsOnly).
 * - `lists` — complaint registered, the commission waits for the camp's list.
 * - `commission` — file assembly and review at a procurator's desk; a Presidium pardon can still overtake it.
 * - `court` — a protest against a court sentence waits for a ruling (RULES.extrajudicialFinal).
 * - `spravka` — rehabilitated, certificate pending (RULES.noSpravka).
 * - `rehabilitated` — full rehabilitation with the spravka in hand.
 * - `reclassified` — the crime reclassified (e.g. 58-7/11 → art. 109; RULES.reclassificationTo109).
 * - `reduced` — the sentence reduced; still a convict.
 * - `amnestied` — released under the March 27, 1953 amnesty (RULES.amnestyFiveYears).
 * - `exileEnded` — exile ended by a separate decision (RULES.exileSeparateDecision).
 * - `upheld` — the earlier refusal confirmed, or the protest rejected: the sentence stands.
 * - `pardoned` — rescinded "without objection" by the Presidium: free, not rehabilitated (RULES.presidiumPardon).
 * - `psychiatric` — sent to the Serbsky Institute instead of release (RULES.courtRulings).
 */
export const caseMachine = caseSetup.createMachine({
  id: "case",
  version: "1",
  context: ({ input }) => initialCaseContext(input),
  initial: "complaint",
  states: {
    complaint: {
      ...complaintStage,
      onDone: [{ guard: "listArrived", target: "commission" }, { target: "lists" }],
      on: {
        "lists.arrive": { target: "commission", actions: "recordList" },
        "presidium.pardon": { guard: "petitionedPresidium", target: "pardoned" },
      },
    },
    lists: {
      ...listsStage,
      onDone: { target: "commission" },
      on: { "presidium.pardon": { guard: "petitionedPresidium", target: "pardoned" } },
    },
    commission: {
      ...commissionStage,
      // A petition to the Presidium runs alongside the commission's work (RULES.presidiumPardon).
      on: { "presidium.pardon": { guard: "petitionedPresidium", target: "pardoned" } },
      onDone: [
        { guard: "decidedRefusal", target: "upheld" },
        { guard: "isJudicialSentence", target: "court" },
        { guard: "decidedRehabilitation", target: "spravka", actions: "release" },
        { guard: "decidedReclassification", target: "reclassified", actions: "release" },
        { guard: "decidedReduction", target: "reduced" },
        { guard: "decidedAmnesty", target: "amnestied", actions: "release" },
        { guard: "decidedEndExile", target: "exileEnded", actions: "release" },
      ],
    },
    court: {
      ...courtStage,
      onDone: [
        { guard: "ruledReject", target: "upheld" },
        { guard: "ruledPsychiatric", target: "psychiatric", actions: "commitToSerbsky" },
        { guard: "decidedRehabilitation", target: "spravka", actions: "release" },
        { guard: "decidedReclassification", target: "reclassified", actions: "release" },
        { guard: "decidedReduction", target: "reduced" },
        { guard: "decidedAmnesty", target: "amnestied", actions: "release" },
        { guard: "decidedEndExile", target: "exileEnded", actions: "release" },
      ],
    },
    spravka: {
      ...spravkaStage,
      onDone: { target: "rehabilitated" },
    },
    rehabilitated: { type: "final" },
    reclassified: { type: "final" },
    reduced: { type: "final" },
    amnestied: { type: "final" },
    exileEnded: { type: "final" },
    upheld: { type: "final" },
    pardoned: { type: "final" },
    psychiatric: { type: "final" },
  },
});
