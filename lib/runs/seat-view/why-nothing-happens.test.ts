import { describe, expect, test } from "vitest";
import { findScenario } from "@/lib/sim/scenarios";
import { whyNoSpravka, whyNothingHappens } from "./why-nothing-happens";

const rostov = findScenario("rostov-1954")!;

describe("why is nothing happening?", () => {
  test("a letter to the camp administration: most went to the officials it accused, with the source", () => {
    const reasons = whyNothingHappens(rostov, "campAdministration", 90);
    const routing = reasons.find((r) => r.text.includes("sends"))!;
    expect(routing.text).toMatch(/sends 65% on to the officials they complained about/);
    expect(routing.source).toBe("adler-ch3");
  });

  test("figures the sources do not give are marked as the scenario's invention", () => {
    const transit = whyNothingHappens(rostov, "kgb", 5)[0]!;
    expect(transit.source).toBe("invented");
    expect(transit.text).toMatch(/may still be on its way/);
    expect(whyNothingHappens(rostov, "kgb", 500)[0]!.text).not.toMatch(/may still be on its way/);
  });

  test("before any letter: the decree worked from complaints, and lists often never came", () => {
    expect(whyNothingHappens(rostov, null, null)).toEqual([expect.objectContaining({ source: "adler-ch3" })]);
  });
});

describe("waiting for the spravka", () => {
  test("explains the loop of offices with its source, and this scenario's odds as its own invention", () => {
    const scenario = findScenario("missing-spravka-1955")!;
    const reasons = whyNoSpravka(scenario, 1);
    expect(reasons[0]).toMatchObject({ source: "adler-ch3" });
    expect(reasons[0]!.text).toMatch(/local MVD, then the provincial procuracy/);
    expect(reasons[1]!.text).toContain(`${Math.round(scenario.institutions.spravkaIssueShare[1]! * 100)}%`);
  });
});
