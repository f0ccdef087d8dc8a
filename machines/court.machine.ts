import { caseSetup, initialCaseContext } from "./case-setup";

/**
 * A court (the Supreme Court, or the RSFSR Supreme Court Presidium) ruling on
 * the commission's protest against a court sentence (RULES.courtRulings).
 *
 * - `awaitingHearing` — the protest waits in the court's backlog.
 * - `reinvestigation` — the case was returned for investigation; the court will rule again.
 * - `suspended` — the case is suspended: the protest is upheld.
 * - `rejected` — the protest is rejected: the sentence stands.
 * - `psychiatric` — sent to forensic psychiatric examination at the Serbsky Institute instead of release (a case like Butov's).
 */
export const courtStage = {
  initial: "awaitingHearing",
  states: {
    awaitingHearing: {
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
      on: {
        "court.rule": [
          { guard: "rulingIsSuspend", target: "suspended", actions: "recordRuling" },
          { guard: "rulingIsReject", target: "rejected", actions: "recordRuling" },
          { guard: "rulingIsPsychiatric", target: "psychiatric", actions: "recordRuling" },
        ],
      },
    },
    suspended: { type: "final" },
    rejected: { type: "final" },
    psychiatric: { type: "final" },
  },
} as const;

export const courtMachine = caseSetup.createMachine({
  id: "court",
  context: ({ input }) => initialCaseContext(input),
  ...courtStage,
});
