import { createActor } from "xstate";
import { describe, expect, test } from "vitest";
import { amnestyPrisonerMachine } from "@/machines/amnesty-1945.machine";
import { createRng } from "@/lib/sim/rng";
import { A_REFUSED, AMNESTY_EVENTS, amnestyStepper, FACT_KINDS, factKind, factsOfKind } from "./stepper";

describe("the 1945 amnesty table against XState", () => {
  const stepper = amnestyStepper();

  test("a kind's facts give back the kind", () => {
    for (let kind = 0; kind < FACT_KINDS; kind++) expect(factKind(factsOfKind(kind))).toBe(kind);
  });

  test("a term stands for its class: any term of three years or less (or over) is the same kind", () => {
    for (const termYears of [1, 2, 3]) expect(factKind({ offence: "ordinary", termYears, recidivist: false })).toBe(0);
    for (const termYears of [4, 10, 25])
      expect(factKind({ offence: "ordinary", termYears, recidivist: false })).toBe(2);
  });

  test("the table is small: every reachable state of every kind", () => {
    expect(stepper.size).toBeGreaterThan(FACT_KINDS);
    expect(stepper.size).toBeLessThan(FACT_KINDS * 16);
  });

  test("2,000 random event sequences end where a live actor ends, refusal for refusal", () => {
    const rng = createRng(7, "amnesty-stepper-test");
    for (let n = 0; n < 2000; n++) {
      const kind = Math.floor(rng.next() * FACT_KINDS);
      // Any real term of the kind's class, not only the one the table stands for.
      const facts = {
        ...factsOfKind(kind),
        termYears: factsOfKind(kind).termYears > 3 ? 4 + Math.floor(rng.next() * 21) : 1 + Math.floor(rng.next() * 3),
      };
      const actor = createActor(amnestyPrisonerMachine, { input: facts }).start();
      let state = stepper.initialOfKind[kind]!;
      for (let k = 0; k < 8 && !stepper.isFinal[state]; k++) {
        const eventId = Math.floor(rng.next() * AMNESTY_EVENTS.length);
        const before = actor.getSnapshot();
        const accepted = before.can(AMNESTY_EVENTS[eventId]!);
        actor.send(AMNESTY_EVENTS[eventId]!);
        const next = stepper.step(state, eventId);
        expect(next === A_REFUSED, `${stepper.stateName[state]} + ${AMNESTY_EVENTS[eventId]!.type}`).toBe(!accepted);
        if (next !== A_REFUSED) state = next;
        expect(stepper.stateName[state]).toBe(String(actor.getSnapshot().value));
        expect(stepper.isFinal[state]).toBe(actor.getSnapshot().status === "done");
      }
      actor.stop();
    }
  });
});
