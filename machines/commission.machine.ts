import { caseSetup, initialCaseContext } from "./case-setup";

/**
 * The commission of the procuracy (Rostov met 18 times) working one case.
 *
 * - `queued` — waiting for a clerk to open the file.
 * - `fileAssembly.checking` — the archival-investigative file is assembled from copies; testimony is checked against other cases (RULES.originalsElsewhere).
 * - `fileAssembly.awaitingOriginals` — originals requested from Moscow or another province.
 * - `readyForReview` — the file is complete and waits for hours at a procurator's desk (RULES.reviewHours).
 * - `review` — a procurator reads the file and chooses from the May 19 menu (RULES.decreeMenu).
 * - `decided` — a decision is recorded: final for extrajudicial sentences, a protest to a court otherwise (RULES.extrajudicialFinal).
 */
export const commissionStage = {
  initial: "queued",
  states: {
    queued: {
      on: { "file.assemble": { target: "fileAssembly" } },
    },
    fileAssembly: {
      initial: "checking",
      states: {
        checking: {
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
          on: { "file.originalsArrive": { target: "checking" } },
        },
      },
    },
    readyForReview: {
      id: "commissionReadyForReview",
      on: { "review.start": { target: "review" } },
    },
    review: {
      on: { "review.decide": { guard: "decisionIsAvailable", target: "decided", actions: "recordDecision" } },
    },
    decided: { type: "final" },
  },
} as const;

export const commissionMachine = caseSetup.createMachine({
  id: "commission",
  context: ({ input }) => initialCaseContext(input),
  ...commissionStage,
});
