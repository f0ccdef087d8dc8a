import { describe, expect, test } from "vitest";
import { findScenario } from "@/lib/sim/scenarios";
import { configFromQuery, configToQuery, LAB_PARAMS, labErrors, labScenario, type LabConfig } from "./config";
import { runLab } from "./run";

const chita: LabConfig = { scenarioId: "chita-1954", seed: 4, events: true, values: {} };

describe("the what-if lab", () => {
  test("a configuration survives the trip through a shared link; junk in the link is dropped", () => {
    const config: LabConfig = { ...chita, events: false, values: { procurators: 9, bias: 0.5, listDelay: 12 } };
    expect(configFromQuery(new URLSearchParams(configToQuery(config)))).toEqual(config);
    expect(configFromQuery(new URLSearchParams("s=chita-1954&seed=4&procurators=lots&nonsense=1"))).toEqual(chita);
  });

  test("each control writes the value it reads", () => {
    const base = findScenario("chita-1954")!;
    for (const p of LAB_PARAMS) {
      if (p.key === "forwarded") continue; // a factor on the scenario's own shares: it reads 1
      const v = p.key === "spravka" ? 0.5 : p.key === "procurators" ? 7 : 3;
      expect(p.get(p.set(base, v)), p.key).toBe(v);
    }
    const forwarded = labScenario({ ...chita, values: { forwarded: 2 } });
    expect(forwarded.institutions.routing.kgb.forwardToAccused).toBe(
      2 * base.institutions.routing.kgb.forwardToAccused,
    );
    expect(labScenario({ ...chita, events: false }).events).toEqual([]);
    // Shown to people: no binary leftovers.
    for (const p of LAB_PARAMS) expect(String(p.get(base)), p.key).toMatch(/^\d+(\.\d{1,2})?$/);
  });

  test("bad values are named by field", () => {
    expect(labErrors(chita)).toEqual({});
    const errors = labErrors({ ...chita, seed: 0, scenarioId: "atlantis", values: { procurators: 2.5, bias: 9 } });
    expect(Object.keys(errors).sort()).toEqual(["bias", "procurators", "scenarioId", "seed"]);
    expect(errors.bias).toBe("Between 0 and 4.");
    expect(errors.procurators).toBe("A whole number.");
  });

  test("the same configuration gives the same result; a change gives another; progress runs to the end", () => {
    const progress: number[] = [];
    const a = runLab(chita, (d) => progress.push(d));
    expect(runLab(chita)).toEqual(a);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(a.series.length).toBeLessThanOrEqual(101);
    expect(a.series.at(-1)!.day).toBe(findScenario("chita-1954")!.horizonDays);
    const more = runLab({ ...chita, values: { procurators: 40 } });
    expect(more.figures).not.toEqual(a.figures);
    expect(a.outcomes.reduce((s, o) => s + o.count, 0)).toBeLessThanOrEqual(a.cases);
    expect(a.waits.p90!).toBeGreaterThanOrEqual(a.waits.median!);
    expect(more.waits.median!).toBeLessThan(a.waits.median!);
  });
});
