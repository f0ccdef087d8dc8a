import { caseSetup, initialCaseContext } from "./case-setup";

/**
 * A complaint by a prisoner or a relative, written to one of six addressees
 * (camp administration, camp procurator, provincial procuracy, KGB, the
 * Presidium / Voroshilov, the General Procurator).
 *
 * Each state's `description` says what it meant historically; `meta.rule`
 * names the rule (machines/rules.ts, with its source key) where one applies.
 */
export const complaintStage = {
  initial: "unwritten",
  states: {
    unwritten: {
      description: "Nobody has written yet.",
      on: { "complaint.file": { target: "inTransit", actions: "recordComplaint" } },
    },
    inTransit: {
      description: "The letter is on its way through camp censorship and the post.",
      on: {
        "complaint.register": { target: "registered" },
        "complaint.forwardToAccused": { target: "forwardedToAccused" },
        "complaint.lose": { target: "lost" },
        "complaint.formReply": { target: "formReply" },
      },
    },
    forwardedToAccused: {
      description: "Sent on to the camp chief it complained about, where it died.",
      meta: { rule: "complaintsToAccused" },
      on: { "complaint.file": { guard: "canWriteAgain", target: "inTransit", actions: "recordComplaint" } },
    },
    lost: {
      description: "Never arrived anywhere.",
      on: { "complaint.file": { guard: "canWriteAgain", target: "inTransit", actions: "recordComplaint" } },
    },
    formReply: {
      description: "Answered with a form letter that changed nothing.",
      on: { "complaint.file": { guard: "canWriteAgain", target: "inTransit", actions: "recordComplaint" } },
    },
    registered: {
      type: "final",
      description: "Registered by the procuracy or a commission: the case can now be reviewed.",
      meta: { rule: "complaintsOnly" },
    },
  },
} as const;

/** The complaint on its own, for tests and the petitioner's desk. */
export const complaintMachine = caseSetup.createMachine({
  id: "complaint",
  context: ({ input }) => initialCaseContext(input),
  ...complaintStage,
});
