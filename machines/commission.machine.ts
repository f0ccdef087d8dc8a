import { caseSetup, initialCaseContext } from "./case-setup";

/**
 * The commission of the procuracy (Rostov met 18 times) working one case.
 *
 * Each state's `description` says what it meant historically; `meta.rule`
 * names the rule (machines/rules.ts, with its source key) where one applies.
 */
export const commissionStage = {
  initial: "queued",
  states: {
    queued: {
      description: "Waiting for a clerk to open the file.",
      on: { "file.assemble": { target: "fileAssembly" } },
    },
    fileAssembly: {
      description:
        "Clerks put together the archival-investigative file, often from copies, before anyone can review it.",
      meta: { rule: "originalsElsewhere" },
      initial: "checking",
      states: {
        checking: {
          description:
            "The archival-investigative file is assembled from copies; testimony is checked against other cases.",
          meta: { rule: "originalsElsewhere" },
          on: {
            "file.requestOriginals": {
              guard: "originalsElsewhere",
              target: "awaitingOriginals",
              actions: "recordOriginalsRequest",
            },
            "file.crossCheck": { guard: "crossChecksRemain", actions: "recordCrossCheck" },
            "file.complete": { guard: "fileIsComplete", target: "#commissionReadyForReview" },
          },
        },
        awaitingOriginals: {
          description: "Originals requested from Moscow or another province.",
          on: { "file.originalsArrive": { target: "checking" } },
        },
      },
    },
    readyForReview: {
      description: "The file is complete and waits for hours at a procurator's desk.",
      meta: { rule: "reviewHours" },
      id: "commissionReadyForReview",
      on: { "review.start": { target: "review" } },
    },
    review: {
      description: "A procurator reads the file and chooses from the May 19 menu.",
      meta: { rule: "decreeMenu" },
      on: { "review.decide": { guard: "decisionIsAvailable", target: "decided", actions: "recordDecision" } },
    },
    decided: {
      type: "final",
      description: "A decision is recorded: final for extrajudicial sentences, a protest to a court otherwise.",
      meta: { rule: "extrajudicialFinal" },
    },
  },
} as const;

export const commissionMachine = caseSetup.createMachine({
  id: "commission",
  context: ({ input }) => initialCaseContext(input),
  ...commissionStage,
});
