/**
 * Historical events act on whom the sources name, from their dates: the
 * Sep 24, 1954 ruling on 58-7/11 only, the Sep 17, 1955 amnesty on 58-1
 * (collaboration) only, and nothing acts twice.
 */
import { describe, expect, test } from "vitest";
import { exileOrder1954Covers } from "@/machines/rules";
import { World } from "./engine";
import { findScenario } from "./scenarios";
import type { Scenario } from "./scenario-schema";

const rostov = findScenario("rostov-1954")!;
const stalingrad = findScenario("stalingrad-1955")!;
/** Days from the scenario's start to a date. */
const dayOf = (s: Scenario, iso: string) => (Date.parse(iso) - Date.parse(s.startDate)) / 86_400_000;

describe("reclassification (the Sep 24, 1954 ruling)", () => {
  test("no case is reclassified before the ruling; after it only 58-7/11 cases are, and they go free under the amnesty", () => {
    for (const seed of [1, 2, 3]) {
      const world = new World(rostov, seed);
      world.advanceTo(dayOf(rostov, "1954-09-24") - 1);
      for (let i = 0; i < world.caseCount; i++) expect(world.caseState(i).outcome).not.toBe("reclassified");
      world.advanceTo(rostov.horizonDays);
      let reclassified = 0;
      for (let i = 0; i < world.caseCount; i++) {
        if (world.caseState(i).outcome !== "reclassified") continue;
        reclassified++;
        const facts = world.caseFacts(i);
        expect(facts.article).toBe("58-7/11");
        // Still held after the release order (no passport yet), or out of the camp with the record standing:
        // home, or into the exile the sentence adds.
        if (world.caseState(i).path === "heldAfterRelease") {
          expect(facts.custody).toBe("camp");
          continue;
        }
        expect(facts.passportMinus).toBe(true);
        if (facts.exileAfterTerm && !exileOrder1954Covers(facts.termYears)) expect(facts.custody).toBe("exile");
        else expect(facts.custody).toBe("released");
      }
      expect(reclassified).toBeGreaterThan(0);
    }
  });

  test("without the ruling, nobody is reclassified at all", () => {
    const noRuling = { ...rostov, events: rostov.events.filter((e) => e.id !== "reclassification-ruling") };
    const world = new World(noRuling, 1);
    world.advanceTo(noRuling.horizonDays);
    expect(world.result(1).decisions.reclassification.cases).toBe(0);
  });
});

describe("the Sep 17, 1955 amnesty for collaborators", () => {
  test("it changes no decision on a case that is not 58-1, and lets 58-1 cases with long terms be amnestied", () => {
    const without = { ...stalingrad, events: stalingrad.events.filter((e) => e.id !== "collaborators-amnesty") };
    for (const seed of [1, 2]) {
      const a = new World(stalingrad, seed);
      const b = new World(without, seed);
      a.advanceTo(stalingrad.horizonDays);
      b.advanceTo(stalingrad.horizonDays);
      let longCollaboratorsAmnestied = 0;
      for (let i = 0; i < a.caseCount; i++) {
        const facts = a.caseFacts(i);
        const [withIt, withoutIt] = [a.caseState(i).outcome, b.caseState(i).outcome];
        if (facts.article !== "58-1" && withIt !== "pending" && withoutIt !== "pending") {
          expect(withIt, `case ${i} (${facts.article})`).toBe(withoutIt);
        }
        if (facts.article === "58-1" && facts.termYears > 5 && withIt === "amnestied") longCollaboratorsAmnestied++;
      }
      expect(longCollaboratorsAmnestied).toBeGreaterThan(0);
    }
  });
});

describe("the 1953 amnesty and politicals: each scenario's reading of the sources", () => {
  test("under Adler's reading (Chita) a 58 case is amnestied only by reclassification, or as 58-1 after Sep 17, 1955", () => {
    const chita = findScenario("chita-1954")!;
    expect(chita.policy.amnestyReading).toBe("politicalsLeftOut");
    const collaborators = dayOf(chita, "1955-09-17");
    for (const seed of [1, 2]) {
      const world = new World(chita, seed);
      world.advanceTo(collaborators - 1);
      for (let i = 0; i < world.caseCount; i++) expect(world.caseState(i).outcome).not.toBe("amnestied");
      expect(world.result(seed).decisions.reclassification.cases).toBeGreaterThan(0);
      world.advanceTo(chita.horizonDays);
      for (let i = 0; i < world.caseCount; i++) {
        if (world.caseState(i).outcome === "amnestied") expect(world.caseFacts(i).article).toBe("58-1");
      }
    }
  });

  test("under the decree's rule (the default) a short term missed in 1953 can be amnestied directly", () => {
    const world = new World(rostov, 1);
    world.advanceTo(rostov.horizonDays);
    let direct = 0;
    for (let i = 0; i < world.caseCount; i++) {
      if (world.caseState(i).outcome === "amnestied") {
        expect(world.caseFacts(i).termYears).toBeLessThanOrEqual(5);
        direct++;
      }
    }
    expect(direct).toBeGreaterThan(0);
  });
});

test("an event in force cannot be applied again, and the law-degree decree changes no desk", () => {
  const world = new World(stalingrad, 1);
  expect(world.eventInForce("reclassification-ruling")).toBe(true); // Sep 1954, before the 1955 start
  expect(world.eventInForce("collaborators-amnesty")).toBe(false);
  expect(() => world.inject("reclassification-ruling", [{ set: "policy.reclassificationLaw", value: true }])).toThrow(
    /already in force/,
  );
  const bias = world.parameters.policy.bias;
  world.advanceTo(dayOf(stalingrad, "1955-05-02"));
  expect(world.eventInForce("law-degree-decree")).toBe(true);
  expect(world.parameters.policy.bias).toBe(bias);
});
