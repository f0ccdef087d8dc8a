import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { calibrateAmnesty } from "@/lib/sim/calibration";
import { AMNESTY_OUTCOMES, amnestyDate, runAmnesty, type AmnestyResult } from "./engine";
import { amnestyScenarioSchema, type AmnestyScenario } from "./scenario";
import { AMNESTY_1945, AMNESTY_CLASS_SAMPLE, AMNESTY_SCENARIOS } from "./scenarios";

const CAMP = AMNESTY_CLASS_SAMPLE;
const SEEDS = [1, 2, 3, 4, 5];

/** The scenario with some stage settings changed (validated, as a lab lever would be). */
function withStages(changes: Partial<AmnestyScenario["stages"]>): AmnestyScenario {
  return amnestyScenarioSchema.parse({ ...AMNESTY_1945, stages: { ...AMNESTY_1945.stages, ...changes } });
}

describe("a 1945 amnesty run", () => {
  const r = runAmnesty(AMNESTY_1945, 1, { cases: CAMP });

  test("every prisoner ends in exactly one outcome, and the freed add up", () => {
    const total = AMNESTY_OUTCOMES.reduce((sum, o) => sum + r.outcomes[o], 0);
    expect(total).toBe(CAMP);
    const { freedHome, freedInTransit, keptOn, returnedAfterError } = r.outcomes;
    expect(r.freed.total).toBe(freedHome + freedInTransit + keptOn + returnedAfterError);
    expect(r.freed.fromCamps + r.freed.fromColonies).toBe(r.freed.total);
    expect(r.freedByDay.at(-1)).toBe(r.freed.total);
  });

  test("the tally only grows, and nobody leaves before the July 12 order", () => {
    for (let d = 1; d < r.freedByDay.length; d++) expect(r.freedByDay[d]!).toBeGreaterThanOrEqual(r.freedByDay[d - 1]!);
    expect(r.freedByDay[AMNESTY_1945.stages.recordsStartDay - 1]).toBe(0);
  });

  test("the tally dates are the source's, with the source's figures scaled to the run", () => {
    const august = r.releasedByDate.find((t) => t.label.startsWith("August 25"))!;
    expect(august.date).toBe("1945-08-25");
    expect(august.historical).toBe(Math.round((218_540 * CAMP) / 1_565_442));
    expect(amnestyDate(AMNESTY_1945, 90)).toBe("1945-10-05");
  });

  test("the same seed gives the same run; another seed another", () => {
    expect(runAmnesty(AMNESTY_1945, 1, { cases: CAMP })).toEqual(r);
    expect(runAmnesty(AMNESTY_1945, 2, { cases: CAMP }).freedByDay).not.toEqual(r.freedByDay);
  });

  test("new prisoners keep coming while the amnestied go out (the revolving door)", () => {
    expect(r.newPrisoners.total).toBeGreaterThan(0);
    expect(r.newPrisoners.shirking / r.newPrisoners.total).toBeGreaterThan(0.7);
    expect(r.heldAtEnd).toBe(
      CAMP - r.freed.total + r.outcomes.returnedAfterError + r.outcomes.keptOn + r.newPrisoners.total,
    );
  });

  test("cost grows with the prisoners, not faster: events per prisoner hold steady from a camp to a region", () => {
    const big = runAmnesty(AMNESTY_1945, 1, { cases: CAMP * 20 });
    const perPrisoner = (x: AmnestyResult) => x.events / x.cases;
    expect(perPrisoner(big) / perPrisoner(r)).toBeGreaterThan(0.9);
    expect(perPrisoner(big) / perPrisoner(r)).toBeLessThan(1.1);
  });
});

describe("levers answer as the source says, on every seed", () => {
  const freedBy = (s: AmnestyScenario, seed: number) => runAmnesty(s, seed, { cases: CAMP }).freedByDay;

  test("more hands in the records departments never free fewer by any day", () => {
    for (const seed of SEEDS) {
      const base = freedBy(AMNESTY_1945, seed);
      const more = freedBy(withStages({ fileChecksPer100k: AMNESTY_1945.stages.fileChecksPer100k * 1.5 }), seed);
      for (let d = 0; d < base.length; d++) expect(more[d]!, `seed ${seed}, day ${d}`).toBeGreaterThanOrEqual(base[d]!);
      expect(more[49]!).toBeGreaterThan(base[49]!);
    }
  });

  test("more railcars bring people home sooner but free no one sooner from the camp", () => {
    for (const seed of SEEDS) {
      const base = runAmnesty(AMNESTY_1945, seed, { cases: CAMP });
      const more = runAmnesty(
        withStages({ railcarPlacesPer100k: AMNESTY_1945.stages.railcarPlacesPer100k * 3 }),
        seed,
        {
          cases: CAMP,
        },
      );
      expect(more.freedByDay).toEqual(base.freedByDay);
      expect(more.daysInTransit.median!).toBeLessThanOrEqual(base.daysInTransit.median!);
    }
  });

  test("hurried checks return people after release; careful ones return nobody", () => {
    for (const seed of SEEDS) {
      const careful = runAmnesty(withStages({ hurriedCheckShare: 0 }), seed, { cases: CAMP });
      const hurried = runAmnesty(withStages({ hurriedCheckShare: 0.5 }), seed, { cases: CAMP });
      expect(careful.outcomes.returnedAfterError).toBe(0);
      expect(hurried.outcomes.returnedAfterError).toBeGreaterThan(0);
    }
  });

  test("with no records work at all, nobody is freed, and the queue is still there at the end", () => {
    const r = runAmnesty(withStages({ recordsStartDay: AMNESTY_1945.horizonDays }), 1, { cases: CAMP });
    expect(r.freed.total).toBe(0);
    expect(r.waitingNow.fileCheck).toBe(r.qualifying);
    expect(r.daysFromStart.median).toBeNull();
  });
});

describe("calibration against the source's tallies (nationally and in a sampled camp)", () => {
  const rows = calibrateAmnesty([1, 2, 3], AMNESTY_1945);

  test.each(rows.map((r) => [r.label, r] as const))("%s", (_label, row) => {
    expect(row.within, `simulated ${row.simulated.mean.toFixed(3)} vs ${row.historical} ± ${row.tolerance}`).toBe(true);
  });

  test("every figure is the source's and says why its tolerance is what it is; a sampled camp is held out", () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const c of AMNESTY_1945.compare) expect(c.why.length).toBeGreaterThan(10);
    expect(AMNESTY_1945.compare.some((c) => c.cases === CAMP && !c.fitted)).toBe(true);
  });

  test("every parameter says where it comes from", () => {
    const paths = [
      ...Object.keys(AMNESTY_1945.stages).map((k) => `stages.${k}`),
      "population.held",
      "population.categories.freed",
      "population.priorityGroups",
      "population.recidivistShare",
    ];
    for (const p of paths) expect(AMNESTY_1945.provenance[p], p).toBeDefined();
  });

  test("the README's calibration table lists every figure", () => {
    const readme = readFileSync("README.md", "utf8");
    const table = readme.slice(readme.indexOf("<!-- calibrate:start -->"), readme.indexOf("<!-- calibrate:end -->"));
    for (const s of AMNESTY_SCENARIOS)
      for (const c of s.compare) expect(table, c.label).toContain(`| ${s.id} | ${c.label} [`);
  });
});
