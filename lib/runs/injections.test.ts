import { describe, expect, test } from "vitest";
import { World } from "@/lib/sim/engine";
import { SCENARIOS } from "@/lib/sim/scenarios";
import { EffectError } from "@/lib/sim/scenario-schema";
import { SOURCES } from "@/lib/sources";
import { historicalDateLabel, INJECTIONS, injectionIsEarly } from "./injections";

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

  test("every event not yet in force applies to every classroom scenario and changes what the engine does; one in force is refused", () => {
    // News only: the lists arriving act on cases, not settings; the law-degree decree reached only new hires.
    const noSettings = new Set(["lists-arrive", "law-degree-decree"]);
    let applied = 0;
    let refused = 0;
    for (const scenario of SCENARIOS.filter((s) => s.caseload.cases <= 5000)) {
      for (const injection of INJECTIONS) {
        const world = new World(scenario, 1);
        const before = JSON.stringify(world.save());
        if (world.eventInForce(injection.id)) {
          // The scenario scheduled it already: applying it again would compound its effects.
          expect(() => world.inject(injection.id, injection.effects(world.parameters))).toThrow(EffectError);
          expect(JSON.stringify(world.save())).toBe(before);
          refused++;
          continue;
        }
        const params = JSON.stringify(world.parameters);
        world.inject(injection.id, injection.effects(world.parameters));
        applied++;
        expect(world.injections(), `${scenario.id} ${injection.id}`).toEqual([{ id: injection.id, day: 0 }]);
        if (!noSettings.has(injection.id)) expect(JSON.stringify(world.parameters)).not.toBe(params);
        expect(() => world.inject(injection.id, injection.effects(world.parameters))).toThrow(/already in force/);
      }
    }
    expect(applied).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  test("an event is early while the run's date is before its historical date (a year alone counts from 1 January)", () => {
    expect(injectionIsEarly("1955-09-17", "1954-06-01", 0)).toBe(true);
    expect(injectionIsEarly("1955-09-17", "1955-09-01", 15)).toBe(true);
    expect(injectionIsEarly("1955-09-17", "1955-09-01", 16)).toBe(false);
    expect(injectionIsEarly("1955", "1954-06-01", 213)).toBe(true);
    expect(injectionIsEarly("1955", "1954-06-01", 214)).toBe(false);
    expect(historicalDateLabel("1955")).toBe("1955");
    expect(historicalDateLabel("1956-02-25")).toMatch(/25 February 1956/);
    // A month alone counts from its 1st.
    expect(injectionIsEarly("1955-05", "1955-04-01", 29)).toBe(true);
    expect(injectionIsEarly("1955-05", "1955-04-01", 30)).toBe(false);
  });

  test("each event is dated no more precisely than the brief: a month where it gives only a month", () => {
    const labels = Object.fromEntries(INJECTIONS.map((i) => [i.id, historicalDateLabel(i.date)]));
    expect(labels).toMatchObject({
      "exile-order": "24 April 1954",
      "reclassification-ruling": "24 September 1954",
      "law-degree-decree": "May 1955",
      "collaborators-amnesty": "September 1955",
      "twentieth-congress": "24–25 February 1956",
    });
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
