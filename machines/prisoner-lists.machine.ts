import { caseSetup, initialCaseContext } from "./case-setup";

/**
 * The camp's list of prisoners that the commission waits for.
 *
 * Each state's `description` says what it meant historically; `meta.rule`
 * names the rule (machines/rules.ts, with its source key) where one applies.
 */
export const listsStage = {
  initial: "awaiting",
  states: {
    awaiting: {
      description: "The camp administration has not sent its list.",
      meta: { rule: "complaintsOnly" },
      on: {
        "lists.arrive": { target: "arrived", actions: "recordList" },
        "lists.proceedWithout": { target: "proceeding", actions: "markComplaintsOnly" },
      },
    },
    arrived: { type: "final", description: "The list came: the case can go to the commission." },
    proceeding: {
      type: "final",
      description:
        "The commission went ahead on the complaint alone, as the May 19 decree allowed (slower: no list to check against).",
    },
  },
} as const;

export const prisonerListsMachine = caseSetup.createMachine({
  id: "prisonerLists",
  context: ({ input }) => initialCaseContext(input),
  ...listsStage,
});
