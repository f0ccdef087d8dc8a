import { describe, expect, test } from "vitest";
import { findScenario } from "@/lib/sim/scenarios";
import type { Scenario } from "@/lib/sim/scenario-schema";
import { AMNESTY_1945 } from "@/lib/sim/amnesty/scenarios";
import { World } from "@/lib/sim/engine";
import { metric } from "@/lib/sim/metrics";
import { RELEASING_OUTCOMES } from "@/machines/vocabulary";
import {
  AMNESTY_LAB_PARAMS,
  configFromQuery,
  configToQuery,
  LAB_PARAMS,
  LAB_PRESETS,
  LAB_SCENARIOS,
  paramsFor,
  labErrors,
  labScenario,
  readLabQuery,
  type LabConfig,
} from "./config";
import { runLab } from "./run";
import { formatShare } from "./shares";
import { dayTicks, decidedRows, outcomeRows, releasedRows, shareTicks, stillWaitingAtEnd } from "./tables";
import {
  decidedOnlyMedian,
  decidedTotal,
  describeTimeToDecision,
  timeToDecision,
  timeToDecisionAtLeast,
} from "./waits";

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
    // A count, with its share of the province's cases beside it.
    expect(figure("heldAfterRelease")).toMatch(/^\d[\d,]* \(/);
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

describe("the lab never hides who is still waiting, and compares runs of any size", () => {
  const rostov: LabConfig = { scenarioId: "rostov-1954", seed: 1, events: true, values: {} };

  test("every case of a review run sits in exactly one outcome row, the undecided included", () => {
    const r = runLab(rostov);
    expect(r.outcomes.reduce((s, o) => s + o.count, 0)).toBe(r.cases);
    const undecided = r.outcomes.find((o) => o.outcome === "undecided")!;
    expect(undecided.waiting).toBe(true);
    expect(undecided.count).toBe(r.cases - decidedTotal(r.curve));
    expect(undecided.count).toBeGreaterThan(0);
    // The table says the same, with its share of the run's cases.
    const figure = r.figures.find((f) => f.key === "undecided")!.value!;
    expect(figure).toBe(`${undecided.count.toLocaleString("en")} (${formatShare(undecided.count / r.cases)})`);
  });

  test("counts compared in the table carry their share of the run's own cases", () => {
    const r = runLab(rostov);
    for (const key of [
      "decided",
      "commissionDecided",
      "rehabilitated",
      "spravkaIssued",
      "undecided",
      "heldAfterRelease",
    ]) {
      expect(r.figures.find((f) => f.key === key)!.value, key).toMatch(/^[\d,]+ \((\d+(\.\d)?%|under 0\.1%)\)/);
    }
  });

  test("the table's median from the start counts the undecided; the decided-only median is labelled as such", () => {
    const r = runLab(rostov);
    const row = (key: string) => r.figures.find((f) => f.key === key)!;
    expect(row("medianFromStart").value).toBe(describeTimeToDecision(timeToDecision(r.curve)));
    expect(row("medianDecidedOnly").label).toMatch(/decided only/);
    expect(row("medianDecidedOnly").value).toBe(`${decidedOnlyMedian(r.curve)} days`);
    // The engine's own Kaplan–Meier estimate agrees to within the day its decisions fall on.
    expect(Math.abs(timeToDecisionAtLeast(timeToDecision(r.curve))! - r.waitsFromStart.median!)).toBeLessThanOrEqual(1);
  });

  test("more procurators and lists on time: more decided by every day, and half decided no later", () => {
    const usual = runLab(rostov);
    const better = runLab({ ...rostov, values: { procurators: 10, listDelay: 0 } });
    expect(decidedTotal(better.curve)).toBeGreaterThan(decidedTotal(usual.curve));
    expect(timeToDecisionAtLeast(timeToDecision(better.curve))!).toBeLessThanOrEqual(
      timeToDecisionAtLeast(timeToDecision(usual.curve))!,
    );
  });

  test("the outcome table gives each run's count and its share of its own cases, for runs of different sizes", () => {
    const small = runLab(rostov);
    const camp = runLab({ scenarioId: "amnesty-1945", seed: 3, events: true, values: { prisoners: 3000 } });
    const rows = outcomeRows([
      small,
      { ...small, cases: small.cases * 100, outcomes: small.outcomes.map((o) => ({ ...o, count: o.count * 100 })) },
    ]);
    const undecided = rows.find((row) => row.outcome === "undecided")!;
    expect(undecided.cells[0]!.share).toBeCloseTo(undecided.cells[1]!.share, 10);
    expect(undecided.cells[1]!.count).toBe(undecided.cells[0]!.count * 100);
    for (const run of [small, camp]) {
      const shares = outcomeRows([run]).reduce((s, row) => s + row.cells[0]!.share, 0);
      expect(shares).toBeCloseTo(1, 10);
    }
    // A 1945 run's own "still waiting" row is marked as waiting too.
    expect(outcomeRows([camp]).find((row) => row.outcome === "stillWaiting")!.waiting).toBe(true);
  });

  test("the chart tables read every run at the same days and leave a run's columns empty past its end", () => {
    const a = runLab(rostov);
    const b = runLab(chita);
    const rows = decidedRows([a, b]);
    expect(rows.map((r) => r.day)).toContain(a.horizonDays);
    expect(rows.map((r) => r.day)).toContain(b.horizonDays);
    const past = rows.find((r) => r.day > a.horizonDays)!;
    expect(past.values[0]).toBeNull();
    expect(past.values[1]).not.toBeNull();
    const released = releasedRows([a, b]);
    expect(released.at(-1)!.values[1]).toBe(b.series.at(-1)!.releasedShare);
    for (const r of rows) for (const v of r.values) if (v !== null) expect(v).toBeLessThanOrEqual(1);
  });
});

describe("each control says what it changes, where its value comes from, and in the scenario's own words", () => {
  test("every control of every scenario has an explanation and the scenario's provenance for the field it sets", () => {
    for (const s of LAB_SCENARIOS) {
      for (const p of paramsFor(s.id)) {
        expect(p.explain.length, `${s.id} ${p.key}`).toBeGreaterThan(40);
        const provenance = p.provenanceFor(s);
        expect(provenance, `${s.id} ${p.key}: ${p.field}`).not.toBeNull();
        expect(provenance!.note.length).toBeGreaterThan(0);
      }
    }
  });

  test("the national run's caseload and desks are the country's, a province's the province's", () => {
    const national = LAB_SCENARIOS.find((s) => s.id === "national-1954")!;
    const rostovScenario = LAB_SCENARIOS.find((s) => s.id === "rostov-1954")!;
    const hint = (s: typeof national, key: string) =>
      paramsFor(s.id)
        .find((p) => p.key === key)!
        .hintFor(s);
    expect(hint(national, "cases")).toMatch(/^The country's caseload/);
    expect(hint(national, "cases")).not.toContain("province");
    expect(hint(national, "procurators")).toContain("Desks in the country");
    expect(hint(rostovScenario, "cases")).toContain("The province's caseload");
    expect(hint(rostovScenario, "procurators")).toContain("Desks in the province");
  });
});

describe("one quantity, one figure: the table, the outcome chart and the chart sentences agree", () => {
  // Every 1954–55 scenario the lab offers, the national one cut to a fiftieth of its size to stay quick
  // (its pardons before any commission decision still happen).
  const configs: LabConfig[] = LAB_SCENARIOS.filter((s) => s.id !== "amnesty-1945").map((s) => ({
    scenarioId: s.id,
    seed: 1,
    events: true,
    values: (s.id === "national-1954" ? { cases: 9_359 } : {}) as Record<string, number>,
  }));

  test.each(configs.map((c) => [c.scenarioId, c] as const))("%s", (_id, config) => {
    const r = runLab(config);
    const count = (key: string) => {
      const f = r.figures.find((x) => x.key === key)!;
      expect(f.count, key).toBeTypeOf("number");
      return f.count!;
    };
    const outcome = (key: string) => r.outcomes.find((o) => o.outcome === key)!.count;
    // Labels are unique, and a label the table shares with the outcome chart carries the same count.
    const labels = r.figures.map((f) => f.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const f of r.figures) {
      const same = r.outcomes.find((o) => o.label === f.label);
      if (same && f.value !== null) expect(f.count, f.label).toBe(same.count);
      // A "final outcome" row is the sum of the outcome chart's rows it names.
      if (f.outcomes) expect(f.count, f.key).toBe(f.outcomes.reduce((s, k) => s + outcome(k), 0));
    }
    const held = count("held");
    // Decided = by the commission + pardoned first; decided + still waiting = held; and the decided chart's
    // sentence (decidedTotal) and the chart tables' "still waiting" say the same.
    expect(count("decided")).toBe(count("commissionDecided") + count("pardonedFirst"));
    expect(count("decided") + count("undecided")).toBe(held);
    expect(count("decided")).toBe(decidedTotal(r.curve));
    expect(count("undecided")).toBe(stillWaitingAtEnd(r));
    expect(r.outcomes.reduce((s, o) => s + o.count, 0)).toBe(held);
    // Released nests inside the outcomes that free: released + freed on paper but still held = those outcomes.
    const freeing = RELEASING_OUTCOMES.reduce((s, k) => s + outcome(k), 0);
    expect(count("released") + count("heldAfterRelease")).toBe(freeing);
    expect(count("released")).toBeLessThanOrEqual(held);
    // A final outcome comes from the commission's decision of that kind: never more than it.
    expect(count("rehabilitatedFinal")).toBeLessThanOrEqual(count("rehabilitated"));
    expect(count("amnestiedFinal")).toBeLessThanOrEqual(count("amnestied"));
    expect(count("commissionDecided")).toBeLessThanOrEqual(count("decided"));
    expect(count("upheldShare")).toBeLessThanOrEqual(count("commissionDecided"));
  });

  test("Chita's amnestied row is the figure the game calibrates (directly or by reclassifying), not the direct ones alone", () => {
    const config: LabConfig = { scenarioId: "chita-1954", seed: 1, events: true, values: {} };
    const r = runLab(config);
    const scenario = labScenario(config) as Scenario;
    const world = new World(scenario, config.seed);
    world.advanceTo(scenario.horizonDays);
    const calibrated = metric(world.result(config.seed), "amnestiedCases");
    const row = r.figures.find((f) => f.key === "amnestied")!;
    expect(row.count).toBe(calibrated);
    expect(calibrated).toBeGreaterThan(50);
    expect(row.label).toContain("reclassifying");
    expect(r.outcomes.find((o) => o.outcome === "reclassified")!.label).toMatch(/amnestied/);
  });

  test("new arrests: a province's row says it is the national figure scaled by the game; the country's does not", () => {
    const province = runLab({ scenarioId: "chita-1954", seed: 1, events: true, values: {} });
    const row = (r: typeof province) => r.figures.find((f) => f.key === "newPrisoners")!.value!;
    expect(row(province)).toMatch(/national 12,765 scaled to this province's caseload — invented/);
    const country = runLab({ scenarioId: "national-1954", seed: 1, events: true, values: { cases: 9_359 } });
    expect(row(country)).not.toContain("scaled");
  });

  test("a caseload note's persons a case is the scenario's own average", () => {
    for (const s of LAB_SCENARIOS) {
      if (!("caseload" in s)) continue;
      const note =
        paramsFor(s.id)
          .find((p) => p.key === "cases")!
          .provenanceFor(s)?.note ?? "";
      const said = /about ([\d.]+) persons a case/.exec(note);
      if (!said) continue;
      const weights = s.caseload.personsPerCase;
      const total = weights.reduce((a, b) => a + b, 0);
      const mean = weights.reduce((sum, w, k) => sum + w * (k + 1), 0) / total;
      expect(Number(said[1]), s.id).toBeCloseTo(mean, 2);
    }
  });
});

describe("round axis ticks", () => {
  test("days: round steps from 0, at most six, never an odd last day such as 647", () => {
    expect(dayTicks(647)).toEqual([0, 120, 240, 360, 480, 600]);
    expect(dayTicks(240)).toEqual([0, 60, 120, 180, 240]);
    for (let max = 10; max <= 2_000; max += 7) {
      const ticks = dayTicks(max);
      expect(ticks.length, String(max)).toBeLessThanOrEqual(6);
      expect(ticks.at(-1)!).toBeLessThanOrEqual(max);
      const step = ticks[1]! - ticks[0]!;
      expect([10, 30, 60, 90, 120, 180, 240, 360, 720]).toContain(step);
    }
  });

  test("shares: whole percents in round steps, reaching the largest value", () => {
    expect(shareTicks(0.22)).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25]);
    expect(shareTicks(0.049)).toEqual([0, 0.01, 0.02, 0.03, 0.04, 0.05]);
    expect(shareTicks(0.8)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    for (let max = 0; max <= 1; max += 0.013) {
      const ticks = shareTicks(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.at(-1)! + 1e-9).toBeGreaterThanOrEqual(max);
      for (const t of ticks) expect(Math.round(t * 100) % (ticks[1]! * 100 >= 5 ? 5 : 1)).toBe(0);
    }
  });
});
