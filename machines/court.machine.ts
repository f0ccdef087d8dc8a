import { caseSetup, initialCaseContext } from "./case-setup";

/**
 * A court (the Supreme Court, or the RSFSR Supreme Court Presidium) ruling on
 * the commission's protest against a court sentence (RULES.courtRulings).
 *
 * Each state's `description` says what it meant historically; `meta.rule`
 * names the rule (machines/rules.ts, with its source key) where one applies.
 */
export const courtStage = {
  initial: "awaitingHearing",
  states: {
    awaitingHearing: {
      description: "The protest waits in the court's backlog.",
      on: {
        "court.rule": [
          { guard: "rulingIsSuspend", target: "suspended", actions: "recordRuling" },
          { guard: "rulingIsReject", target: "rejected", actions: "recordRuling" },
          { guard: "rulingIsPsychiatric", target: "psychiatric", actions: "recordRuling" },
          { guard: "rulingIsReturn", target: "reinvestigation", actions: "recordRuling" },
        ],
      },
    },
    reinvestigation: {
      description: "The case was returned for investigation; the court will rule again.",
      on: {
        "court.rule": [
          { guard: "rulingIsSuspend", target: "suspended", actions: "recordRuling" },
          { guard: "rulingIsReject", target: "rejected", actions: "recordRuling" },
          { guard: "rulingIsPsychiatric", target: "psychiatric", actions: "recordRuling" },
        ],
      },
    },
    suspended: { type: "final", description: "The case is suspended: the protest is upheld." },
    rejected: { type: "final", description: "The protest is rejected: the sentence stands." },
    psychiatric: {
      type: "final",
      description:
        "Sent to forensic psychiatric examination at the Serbsky Institute instead of release (a case like Butov's).",
    },
  },
} as const;

export const courtMachine = caseSetup.createMachine({
  id: "court",
  context: ({ input }) => initialCaseContext(input),
  ...courtStage,
});
