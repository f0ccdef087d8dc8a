/**
 * The flows in and out of the camps beside the review (ADR 0025): new
 * Article 59 arrests entering in 1955 (RULES.newArrests), people held after
 * a release order (RULES.heldAfterRelease), and release into the exile a
 * sentence adds (RULES.exileAfterCamp).
 */
import { describe, expect, test } from "vitest";
import { exileOrder1954Covers, NEW_ARREST_ARTICLE, NEW_ARRESTS_1955, provincialNewArrests } from "@/machines/rules";
import { RELEASING_OUTCOMES } from "@/machines/vocabulary";
import { World } from "./engine";
import { commissionDecisions, releasedCases } from "./metrics";
import { findScenario, SCENARIOS } from "./scenarios";
import { deepMerge } from "./scenarios/define";
import type { Scenario } from "./scenario-schema";

/** A scenario at a size a test can run, with its own rate of new arrests unless one is given. */
function sized(scenario: Scenario, cases: number, newArrestsPerYear = scenario.caseload.newArrestsPerYear): Scenario {
  return deepMerge(scenario, { caseload: { cases: Math.min(cases, scenario.caseload.cases), newArrestsPerYear } });
}

/** The simulated day 1 January 1955 falls on for a scenario (negative if it starts later). */
function jan1955(scenario: Scenario): number {
  return (Date.UTC(1955, 0, 1) - Date.parse(`${scenario.startDate}T00:00:00Z`)) / 86_400_000;
}

describe("new Article 59 arrests (RULES.newArrests)", () => {
  test("each scenario's rate is the national 12,765 scaled by its caseload", () => {
    expect(findScenario("national-1954")!.caseload.newArrestsPerYear).toBe(NEW_ARRESTS_1955);
    for (const scenario of SCENARIOS) {
      expect(scenario.caseload.newArrestsPerYear, scenario.id).toBe(provincialNewArrests(scenario.caseload.cases));
    }
  });

  test.each(SCENARIOS.map((s) => [s.id, s]))(
    "%s: with new arrests on, nothing before 1955 changes, nor any case decided before it",
    (_id, scenario) => {
      // A heavy rate, so that any leak into the caseload's draws or queues would show.
      const on = sized(scenario, 600, 2 * NEW_ARRESTS_1955);
      const off = sized(scenario, 600, 0);
      const cutoff = Math.max(0, jan1955(scenario));
      const a = new World(on, 11);
      const b = new World(off, 11);
      a.advanceTo(cutoff);
      b.advanceTo(cutoff);
      expect(a.caseCount).toBe(a.caseloadSize);
      expect(a.result(11)).toEqual(b.result(11));
      const decidedBefore: number[] = [];
      for (let i = 0; i < b.caseCount; i++) {
        expect(a.caseState(i)).toEqual(b.caseState(i));
        expect(a.caseFacts(i)).toEqual(b.caseFacts(i));
        if (b.caseState(i).outcome !== "pending") decidedBefore.push(i);
      }
      a.advanceTo(on.horizonDays);
      b.advanceTo(off.horizonDays);
      if (cutoff < on.horizonDays) expect(a.caseCount).toBeGreaterThan(a.caseloadSize);
      for (const i of decidedBefore) expect(a.caseState(i)).toEqual(b.caseState(i));
    },
  );

  test("they come only during 1955, at about the scenario's rate, and the world holds each only from its day", () => {
    const national = findScenario("national-1954")!;
    const scenario = sized(national, 2000, NEW_ARRESTS_1955);
    const world = new World(scenario, 3);
    const from = jan1955(scenario);
    const until = from + 365;
    world.advanceTo(from);
    expect(world.caseCount).toBe(2000);
    world.advanceTo(from + 182);
    const midYear = world.caseCount - 2000;
    world.advanceTo(until);
    const arrived = world.caseCount - 2000;
    world.advanceTo(scenario.horizonDays);
    expect(world.caseCount - 2000).toBe(arrived);
    // Poisson: sd about 113 around 12,765.
    expect(Math.abs(arrived - NEW_ARRESTS_1955)).toBeLessThan(500);
    expect(Math.abs(midYear - arrived / 2)).toBeLessThan(400);
    const r = world.result(3);
    expect(r.cases).toBe(2000);
    expect(r.newArrests.arrived).toBe(arrived);
    expect(() => world.assignSeat(world.caseCount, "petitioner")).toThrow(RangeError);
  });

  test("a new arrest is a one-person court case under Article 59, in a camp, never under the 1953 amnesty", () => {
    const scenario = sized(findScenario("stalingrad-1955")!, 800, 5000);
    const world = new World(scenario, 5);
    world.advanceTo(scenario.horizonDays);
    let decided = 0;
    for (let i = world.caseloadSize; i < world.caseCount; i++) {
      const facts = world.caseFacts(i);
      expect(facts).toMatchObject({ article: NEW_ARREST_ARTICLE, organ: "court", persons: 1, newArrest: true });
      expect(world.startedInCamp(i)).toBe(true);
      const { outcome } = world.caseState(i);
      expect(outcome).not.toBe("amnestied");
      if (outcome !== "pending") decided++;
    }
    expect(decided).toBeGreaterThan(0);
    expect(world.result(5).newArrests.decided).toBe(decided);
  });

  test("they compete for the same clerks and desks: the caseload decides fewer when many come", () => {
    const stalingrad = findScenario("stalingrad-1955")!;
    const decidedWith = (rate: number) => {
      const world = new World(sized(stalingrad, 2181, rate), 2);
      world.advanceTo(stalingrad.horizonDays);
      return { decided: commissionDecisions(world.result(2)), capacity: world.result(2).capacity };
    };
    const quiet = decidedWith(0);
    const flooded = decidedWith(50_000);
    expect(flooded.decided).toBeLessThan(quiet.decided);
    expect(flooded.capacity.clerkUse).toBeGreaterThanOrEqual(quiet.capacity.clerkUse);
  });

  test("saved in mid-1955 and resumed, a run with new arrests goes on exactly as before", () => {
    const scenario = sized(findScenario("chita-1954")!, 300, 3000);
    const world = new World(scenario, 9);
    world.advanceTo(jan1955(scenario) + 120);
    const resumed = World.resume(scenario, world.save());
    expect(resumed.caseCount).toBe(world.caseCount);
    world.advanceTo(scenario.horizonDays);
    resumed.advanceTo(scenario.horizonDays);
    expect(resumed.save()).toEqual(world.save());
  });
});

describe("held after a release order (RULES.heldAfterRelease)", () => {
  test.each(["chita-1954", "stalingrad-1955", "rostov-1954"])(
    "%s: at any time a held case is in the camp and decided; the released never exceed those decided to be freed",
    (id) => {
      const scenario = sized(findScenario(id)!, 800);
      const world = new World(scenario, 4);
      let sawHeld = 0;
      for (let day = 0; day <= scenario.horizonDays; day += 20) {
        world.advanceTo(day);
        let freedByDecision = 0;
        let held = 0;
        for (let i = 0; i < world.caseCount; i++) {
          const { path, outcome } = world.caseState(i);
          if (RELEASING_OUTCOMES.includes(outcome)) freedByDecision++;
          if (path !== "heldAfterRelease") continue;
          held++;
          expect(world.caseFacts(i).custody).toBe("camp");
          expect(outcome).not.toBe("pending");
        }
        const tally = world.tally();
        expect(tally.heldAfterRelease).toBe(held);
        expect(tally.released).toBeLessThanOrEqual(freedByDecision);
        expect(tally.released + held).toBe(freedByDecision);
        const r = world.result(4);
        expect(releasedCases(r)).toBeLessThanOrEqual(
          RELEASING_OUTCOMES.reduce((sum, o) => sum + r.outcomes[o], 0) - r.heldAfterRelease,
        );
        sawHeld += held;
      }
      expect(sawHeld).toBeGreaterThan(0);
    },
  );

  test("the camp's wait is the scenario's: held longer, fewer out by the end, and the same decisions", () => {
    const chita = sized(findScenario("chita-1954")!, 500);
    const run = (median: number) => {
      const scenario = deepMerge(chita, {
        institutions: { heldAfterRelease: { kind: "lognormal", median, p90: median * 3 } },
      });
      const world = new World(scenario, 1);
      world.advanceTo(scenario.horizonDays);
      return world.result(1);
    };
    const quick = run(1);
    const slow = run(200);
    expect(slow.decisions).toEqual(quick.decisions);
    expect(slow.heldAfterRelease).toBeGreaterThan(quick.heldAfterRelease);
    expect(releasedCases(slow)).toBeLessThan(releasedCases(quick));
  });
});

describe("release into exile (RULES.exileAfterCamp)", () => {
  test("only someone whose sentence adds exile, beyond the April 1954 order, with the sentence standing, leaves a camp for exile", () => {
    const scenario = sized(findScenario("chita-1954")!, 980);
    const world = new World(scenario, 2);
    world.advanceTo(scenario.horizonDays);
    let exiled = 0;
    for (let i = 0; i < world.caseCount; i++) {
      const facts = world.caseFacts(i);
      if (!world.startedInCamp(i) || facts.custody !== "exile") continue;
      exiled++;
      expect(facts.exileAfterTerm).toBe(true);
      expect(exileOrder1954Covers(world.caseFacts(i).termYears)).toBe(false);
      expect(["reclassified", "amnestied"]).toContain(world.caseState(i).outcome);
      expect(facts.passportMinus).toBe(true);
    }
    expect(exiled).toBeGreaterThan(0);
  });

  test("with no sentence adding exile, everyone a decision frees from a camp goes home", () => {
    const scenario = deepMerge(sized(findScenario("chita-1954")!, 500), { caseload: { exileAfterTermShare: 0 } });
    const world = new World(scenario, 2);
    world.advanceTo(scenario.horizonDays);
    for (let i = 0; i < world.caseCount; i++) {
      if (world.startedInCamp(i)) expect(world.caseFacts(i).custody).not.toBe("exile");
    }
  });
});
