import { describe, expect, test } from "vitest";
import { World } from "@/lib/sim/engine";
import { SCENARIOS } from "@/lib/sim/scenarios";
import { EffectError } from "@/lib/sim/scenario-schema";
import { SOURCES } from "@/lib/sources";
import { INJECTIONS } from "./injections";

describe("the injection menu", () => {
  test("the brief's events, each with a known source and a line for the class", () => {
    expect(INJECTIONS.map((i) => i.id)).toEqual([
      "exile-order",
      "reclassification-ruling",
      "staff-cut",
      "lists-arrive",
      "moscow-inspection",
      "law-degree-decree",
      "collaborators-amnesty",
      "twentieth-congress",
    ]);
    for (const i of INJECTIONS) {
      expect(SOURCES[i.source], i.id).toBeDefined();
      expect(i.sizeSource === "invented" || SOURCES[i.sizeSource] !== undefined, i.id).toBe(true);
      expect(i.news.length, i.id).toBeGreaterThan(20);
    }
  });

  test("every event applies to every classroom scenario, and changes what the engine does", () => {
    for (const scenario of SCENARIOS.filter((s) => s.caseload.cases <= 5000)) {
      for (const injection of INJECTIONS) {
        const world = new World(scenario, 1);
        const before = JSON.stringify(world.parameters);
        world.inject(injection.id, injection.effects(world.parameters));
        expect(world.injections(), `${scenario.id} ${injection.id}`).toEqual([{ id: injection.id, day: 0 }]);
        if (injection.id !== "lists-arrive") expect(JSON.stringify(world.parameters)).not.toBe(before);
      }
    }
  });

  test("an effect that cannot apply is refused and changes nothing, even after one that could", () => {
    const world = new World(SCENARIOS[0]!, 1);
    const before = JSON.stringify(world.save());
    expect(() =>
      world.inject("bad", [
        { scale: "policy.bias", by: 0.5 },
        { scale: "desks.nonsense", by: 2 },
      ]),
    ).toThrow(EffectError);
    expect(JSON.stringify(world.save())).toBe(before);
  });
});
