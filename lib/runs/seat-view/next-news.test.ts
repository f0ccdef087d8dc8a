import { describe, expect, test } from "vitest";
import { World } from "@/lib/sim/engine";
import { SCENARIOS } from "@/lib/sim/scenarios";
import { MAX_RUN_CASES } from "@/lib/runs/policy";
import { nextNoticeableDay } from "./next-news";

const playable = SCENARIOS.filter((s) => s.caseload.cases <= MAX_RUN_CASES);

describe("the next day a seat notices something", () => {
  test("asking changes nothing, and the day found is the first with news for the seat", () => {
    for (const scenario of playable) {
      for (const seed of [1, 2]) {
        const world = new World(scenario, seed);
        const cases = [0, 1, 2].map((k) => (seed * 97 + k * 31) % world.caseCount);
        for (const i of cases) world.assignSeat(i, "petitioner");
        for (const i of cases)
          world.fileLetter(i, { addressee: "provincialProcuracy", grounds: "innocence", carrier: "self" });
        world.advanceTo(3);
        const before = world.save();
        const day = nextNoticeableDay(world, scenario, "petitioner", cases, scenario.horizonDays);
        // The world asked about is untouched.
        expect(world.save()).toEqual(before);
        if (day === null) continue;
        expect(day).toBeGreaterThan(3);
        // The first such day: asked again from the day before, the answer is the same day...
        const dayBefore = World.resume(scenario, before);
        dayBefore.advanceTo(day - 1);
        expect(nextNoticeableDay(dayBefore, scenario, "petitioner", cases, scenario.horizonDays)).toBe(day);
        // ...and asked on that day, the next news comes later (or not at all).
        const onTheDay = World.resume(scenario, before);
        onTheDay.advanceTo(day);
        const later = nextNoticeableDay(onTheDay, scenario, "petitioner", cases, scenario.horizonDays);
        expect(later === null || later > day, `${scenario.id} seed ${seed}`).toBe(true);
      }
    }
  });

  test("nothing is found for a seat without cases, or past the last day", () => {
    const scenario = playable[0]!;
    const world = new World(scenario, 1);
    expect(nextNoticeableDay(world, scenario, "petitioner", [], scenario.horizonDays)).toBeNull();
    world.advanceTo(scenario.horizonDays);
    expect(nextNoticeableDay(world, scenario, "procurator", [0], scenario.horizonDays)).toBeNull();
  });
});
