import { describe, expect, test } from "vitest";
import { findScenario } from "@/lib/sim/scenarios";
import type { Scenario } from "@/lib/sim/scenario-schema";
import { AMNESTY_1945 } from "@/lib/sim/amnesty/scenarios";
import {
  AMNESTY_LAB_PARAMS,
  configFromQuery,
  configToQuery,
  LAB_PARAMS,
  LAB_PRESETS,
  labErrors,
  labScenario,
  readLabQuery,
  type LabConfig,
} from "./config";
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
    const forwarded = labScenario({ ...chita, values: { forwarded: 2 } }) as Scenario;
    expect(forwarded.institutions.routing.kgb.forwardToAccused).toBe(
      2 * base.institutions.routing.kgb.forwardToAccused,
    );
    expect((labScenario({ ...chita, events: false }) as Scenario).events).toEqual([]);
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

describe("flows beside the review, in the lab's table", () => {
  test("Chita runs into 1955: the table counts the new arrests that came then and the freed still held at the end", () => {
    const r = runLab(chita);
    const figure = (key: string) => r.figures.find((f) => f.key === key)!.value!;
    expect(findScenario("chita-1954")!.caseload.newArrestsPerYear).toBeGreaterThan(0);
    expect(Number(figure("newPrisoners").split(" ")[0]!.replace(/,/g, ""))).toBeGreaterThan(0);
    expect(figure("newPrisoners")).toContain("new Article 59 arrests, 1955");
    expect(Number(figure("heldAfterRelease").replace(/,/g, ""))).toBeGreaterThanOrEqual(0);
  });
});

describe("the lab's 1945 amnesty", () => {
  const camp: LabConfig = { scenarioId: "amnesty-1945", seed: 3, events: true, values: { prisoners: 3000 } };

  test("its own controls: each writes the value it reads, a link carries them, and bad ones are named", () => {
    for (const p of AMNESTY_LAB_PARAMS) {
      const v = p.max <= 1 ? 0.5 : 7;
      expect(p.get(p.set(AMNESTY_1945, v)), p.key).toBe(v);
    }
    const config: LabConfig = { ...camp, values: { prisoners: 3000, railcars: 900, hurried: 0.2 } };
    expect(configFromQuery(new URLSearchParams(configToQuery(config)))).toEqual(config);
    // A 1954–55 control means nothing here and is dropped from the link.
    expect(configFromQuery(new URLSearchParams("s=amnesty-1945&seed=3&procurators=9")).values).toEqual({});
    const errors = labErrors({ ...camp, values: { prisoners: 50.5, hurried: 2 } });
    expect(errors).toEqual({ prisoners: "Between 100 and 1565442.", hurried: "Between 0 and 1." });
    expect(labErrors({ ...camp, values: { prisoners: 2000.5 } })).toEqual({ prisoners: "A whole number." });
  });

  test("a run: deterministic, progress to the end, the released share only grows, and it fills its own figures", () => {
    const progress: number[] = [];
    const a = runLab(camp, (d) => progress.push(d));
    expect(runLab(camp)).toEqual(a);
    expect(progress.at(-1)).toBe(1);
    expect(a.kind).toBe("amnesty1945");
    expect(a.cases).toBe(3000);
    for (let k = 1; k < a.series.length; k++)
      expect(a.series[k]!.releasedShare).toBeGreaterThanOrEqual(a.series[k - 1]!.releasedShare);
    const filled = a.figures.filter((f) => f.value !== null).map((f) => f.key);
    expect(filled).toEqual(
      expect.arrayContaining(["held", "released", "releasedShare", "qualifying", "termsHalved", "newPrisoners"]),
    );
    expect(filled).not.toContain("spravkaIssued");
    expect(a.outcomes.reduce((s, o) => s + o.count, 0)).toBe(3000);
  });

  test("fewer hands in the records departments free fewer by the August tally", () => {
    const usual = runLab(camp);
    const fewer = runLab({ ...camp, values: { ...camp.values, fileChecks: 200 } });
    const august = (r: typeof usual) => r.series.find((p) => p.day >= 50)!.releasedShare;
    expect(august(fewer)).toBeLessThan(august(usual));
  });

  test("the lesson preset sets the 1945 amnesty beside the national review and runs both on arrival", () => {
    const read = readLabQuery(new URLSearchParams("preset=category-vs-case"));
    expect(read).toMatchObject({ ok: true, autorun: true, preset: "category-vs-case" });
    expect(LAB_PRESETS["category-vs-case"].configs.map((c) => c.scenarioId)).toEqual(["amnesty-1945", "national-1954"]);
    for (const c of LAB_PRESETS["category-vs-case"].configs) expect(labErrors(c)).toEqual({});
    // An unknown preset is ignored: the address is read as usual.
    expect(readLabQuery(new URLSearchParams("preset=nope&s=chita-1954"))).toMatchObject({ ok: true, preset: null });
  });
});
