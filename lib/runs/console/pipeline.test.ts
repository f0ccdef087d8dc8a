import { describe, expect, test } from "vitest";
import { World } from "@/lib/sim/engine";
import { findScenario } from "@/lib/sim/scenarios";
import { pipelineView, waitStats } from "./pipeline";

describe("the console's pipeline map", () => {
  test("mean and 90th percentile of waits (nearest rank)", () => {
    expect(waitStats([])).toEqual({ mean: null, p90: null });
    expect(waitStats([5])).toEqual({ mean: 5, p90: 5 });
    expect(waitStats([10, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual({ mean: 5.5, p90: 9 });
    expect(waitStats(Array.from({ length: 11 }, (_, i) => i))).toMatchObject({ p90: 9 });
  });

  test("counts every case once, marks the longest queue, and its waits are those of the cases there now", () => {
    const world = new World(findScenario("rostov-1954")!, 4);
    for (const day of [0, 30, 120]) {
      world.advanceTo(day);
      const view = pipelineView(world);
      const tally = world.tally();
      expect(Object.fromEntries(view.stages.map((s) => [s.stage, s.count]))).toEqual(tally.stages);
      const waiting = view.stages.reduce((a, s) => a + s.count, 0);
      expect(waiting + view.unpursued + view.decided).toBe(view.total);
      let pending = 0;
      for (let i = 0; i < world.caseCount; i++) if (world.caseState(i).outcome === "pending") pending++;
      expect(view.outcomes.reduce((a, o) => a + o.count, 0)).toBe(view.total - pending);
      const longest = Math.max(...view.stages.map((s) => s.count));
      if (longest > 0) {
        expect(view.stages.find((s) => s.stage === view.worst)!.count).toBe(longest);
        expect(view.stages.find((s) => s.stage === view.worst)!.heat).toBe(1);
      }
      for (const s of view.stages) {
        if (s.count === 0) expect(s.meanWait).toBeNull();
        else expect(s.p90Wait!).toBeLessThanOrEqual(day);
      }
    }
  });
});
