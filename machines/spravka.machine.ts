import { caseSetup, initialCaseContext } from "./case-setup";

/**
 * The certificate of rehabilitation after a decision to rehabilitate
 * (RULES.noSpravka).
 *
 * - `awaiting` — the person holds only a notice that the case was suspended; no spravka.
 * - `atLocalMvd` — they complained to the local MVD.
 * - `atProvincialProcuracy` — then to the provincial procuracy.
 * - `atGeneralProcuracy` — then to the USSR General Procuracy; there is no one left to ask.
 * - `issued` — the spravka arrived: union membership, the vote and higher education are open again.
 */
export const spravkaStage = {
  initial: "awaiting",
  states: {
    awaiting: {
      on: { "spravka.request": { guard: "canEscalateSpravka", target: "atLocalMvd", actions: "recordSpravkaRequest" } },
    },
    atLocalMvd: {
      on: {
        "spravka.request": {
          guard: "canEscalateSpravka",
          target: "atProvincialProcuracy",
          actions: "recordSpravkaRequest",
        },
      },
    },
    atProvincialProcuracy: {
      on: {
        "spravka.request": { guard: "canEscalateSpravka", target: "atGeneralProcuracy", actions: "recordSpravkaRequest" },
      },
    },
    atGeneralProcuracy: {},
    issued: { type: "final", entry: "clearRecord" },
  },
  on: { "spravka.issue": { target: ".issued" } },
} as const;

export const spravkaMachine = caseSetup.createMachine({
  id: "spravka",
  context: ({ input }) => initialCaseContext(input),
  ...spravkaStage,
});
