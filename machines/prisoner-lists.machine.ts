import { caseSetup, initialCaseContext } from "./case-setup";

/**
 * The camp's list of prisoners that the commission waits for.
 *
 * - `awaiting` — the camp administration has not sent its list (Kostroma: 250–300 cases stalled; RULES.complaintsOnly).
 * - `arrived` — the list came: the case can go to the commission.
 * - `proceeding` — the commission went ahead on the complaint alone, as the May 19 decree allowed (slower: no list to check against).
 */
export const listsStage = {
  initial: "awaiting",
  states: {
    awaiting: {
      on: {
        "lists.arrive": { target: "arrived", actions: "recordList" },
        "lists.proceedWithout": { target: "proceeding", actions: "markComplaintsOnly" },
      },
    },
    arrived: { type: "final" },
    proceeding: { type: "final" },
  },
} as const;

export const prisonerListsMachine = caseSetup.createMachine({
  id: "prisonerLists",
  context: ({ input }) => initialCaseContext(input),
  ...listsStage,
});
