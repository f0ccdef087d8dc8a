import { caseSetup, initialCaseContext } from "./case-setup";

/**
 * A complaint by a prisoner or a relative, written to one of six addressees
 * (camp administration, camp procurator, provincial procuracy, KGB, the
 * Presidium / Voroshilov, the General Procurator).
 *
 * - `unwritten` — nobody has written yet.
 * - `inTransit` — the letter is on its way through camp censorship and the post.
 * - `forwardedToAccused` — sent on to the camp chief it complained about, where it died (RULES.complaintsToAccused).
 * - `lost` — never arrived anywhere.
 * - `formReply` — answered with a form letter that changed nothing.
 * - `registered` — registered by the procuracy or a commission: the case can now be reviewed (RULES.complaintsOnly).
 */
export const complaintStage = {
  initial: "unwritten",
  states: {
    unwritten: {
      on: { "complaint.file": { target: "inTransit", actions: "recordComplaint" } },
    },
    inTransit: {
      on: {
        "complaint.register": { target: "registered" },
        "complaint.forwardToAccused": { target: "forwardedToAccused" },
        "complaint.lose": { target: "lost" },
        "complaint.formReply": { target: "formReply" },
      },
    },
    forwardedToAccused: {
      on: { "complaint.file": { guard: "canWriteAgain", target: "inTransit", actions: "recordComplaint" } },
    },
    lost: {
      on: { "complaint.file": { guard: "canWriteAgain", target: "inTransit", actions: "recordComplaint" } },
    },
    formReply: {
      on: { "complaint.file": { guard: "canWriteAgain", target: "inTransit", actions: "recordComplaint" } },
    },
    registered: { type: "final" },
  },
} as const;

/** The complaint on its own, for tests and the petitioner's desk. */
export const complaintMachine = caseSetup.createMachine({
  id: "complaint",
  context: ({ input }) => initialCaseContext(input),
  ...complaintStage,
});
