import { caseSetup, initialCaseContext } from "./case-setup";

/**
 * The certificate of rehabilitation after a decision to rehabilitate
 * (RULES.noSpravka).
 *
 * Each state's `description` says what it meant historically; `meta.rule`
 * names the rule (machines/rules.ts, with its source key) where one applies.
 */
export const spravkaStage = {
  initial: "awaiting",
  states: {
    awaiting: {
      description: "The person holds only a notice that the case was suspended; no spravka.",
      on: { "spravka.request": { guard: "canEscalateSpravka", target: "atLocalMvd", actions: "recordSpravkaRequest" } },
    },
    atLocalMvd: {
      description: "They complained to the local MVD.",
      on: {
        "spravka.request": {
          guard: "canEscalateSpravka",
          target: "atProvincialProcuracy",
          actions: "recordSpravkaRequest",
        },
      },
    },
    atProvincialProcuracy: {
      description: "Then to the provincial procuracy.",
      on: {
        "spravka.request": {
          guard: "canEscalateSpravka",
          target: "atGeneralProcuracy",
          actions: "recordSpravkaRequest",
        },
      },
    },
    atGeneralProcuracy: {
      description: "Then to the USSR General Procuracy; there is no one left to ask.",
      on: { "spravka.refuse": { target: "refused" } },
    },
    refused: {
      // Not final: a certificate already on its way can still arrive (the stage's spravka.issue).
      description: "Every office was asked and none sent the certificate: rehabilitated on paper, without the spravka.",
      meta: { rule: "noSpravka" },
    },
    issued: {
      type: "final",
      entry: "clearRecord",
      description: "The spravka arrived: union membership, the vote and higher education are open again.",
    },
  },
  on: { "spravka.issue": { target: ".issued" } },
} as const;

export const spravkaMachine = caseSetup.createMachine({
  id: "spravka",
  context: ({ input }) => initialCaseContext(input),
  ...spravkaStage,
});
