import { describe, expect, test } from "vitest";
import { findScenario, SCENARIOS } from "@/lib/sim/scenarios";
import { ADDRESSEES, OUTCOMES } from "@/machines/vocabulary";
import {
  numberSource,
  whyAfterDecision,
  whyHeldAfterRelease,
  whyNoSpravka,
  whyNothingHappens,
  type Reason,
} from "./why-nothing-happens";

const rostov = findScenario("rostov-1954")!;

describe("why is nothing happening?", () => {
  test("a letter to the camp administration: the sourced pattern, and this scenario's shares as the game's", () => {
    const reasons = whyNothingHappens(rostov, "campAdministration", 90);
    const pattern = reasons.find((r) => r.text.includes("camp chiefs they accused"))!;
    expect(pattern).toMatchObject({ source: "adler-ch3" });
    expect(pattern.text).toMatch(/only 15% went to other departments/);
    const shares = reasons.find((r) => r.text.includes("sent on to the officials"))!;
    expect(shares.text).toMatch(/65% sent on to the officials they complained about/);
    expect(shares).toMatchObject({ source: "invented", basis: "adler-ch3" });
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

describe("why is nothing happening? after a decision, to the end of the run", () => {
  test("every decision explains the present wait, each claim with a source", () => {
    for (const outcome of OUTCOMES) {
      if (outcome === "pending") continue;
      const reasons = whyAfterDecision(outcome);
      expect(reasons.length, outcome).toBeGreaterThan(0);
      for (const r of reasons) expect(r.source, `${outcome}: ${r.text}`).toBe("adler-ch3");
    }
  });

  test("a rejection says the sentence stands and why most reviews ended so", () => {
    const text = whyAfterDecision("upheld")
      .map((r) => r.text)
      .join(" ");
    expect(text).toMatch(/the sentence stands/);
    expect(text).toMatch(/real enemies of the Soviet state/);
  });

  test("a decision that leaves the conviction standing says no spravka comes", () => {
    for (const outcome of ["reclassified", "reduced", "amnestied", "exileEnded", "pardoned"] as const) {
      expect(whyAfterDecision(outcome)[0]!.text, outcome).toMatch(/no spravka comes/);
    }
  });

  test("a release order the camp sits on: the December 1954 report, and the delay marked as invented", () => {
    const reasons = whyHeldAfterRelease(rostov);
    expect(reasons[0]).toMatchObject({ source: "adler-ch3" });
    expect(reasons[0]!.text).toMatch(/December 1954/);
    expect(reasons[1]!.text).toMatch(/about 30 days/);
    expect(reasons[1]!.source).toBe("invented");
  });
});

describe("a scenario's invented numbers are never shown as a source's figure", () => {
  const PARAMETERS = [
    "institutions.routing",
    "institutions.spravkaIssueShare",
    "institutions.spravkaWait",
    "institutions.heldAfterRelease",
    "institutions.complaintTransit",
  ];

  /** Every reason the panel can give a petitioner in this scenario. */
  const allReasons = (scenario: (typeof SCENARIOS)[number]): Reason[] => [
    ...ADDRESSEES.flatMap((a) => [...whyNothingHappens(scenario, a, 5), ...whyNothingHappens(scenario, a, 500)]),
    ...[0, 1, 2, 3].flatMap((asked) => whyNoSpravka(scenario, asked)),
    ...whyHeldAfterRelease(scenario),
  ];

  test.each(SCENARIOS.map((s) => [s.id, s] as const))("%s", (_, scenario) => {
    // Every such parameter's note says its number is invented or calibrated: the game's.
    for (const key of PARAMETERS) expect(numberSource(scenario, key).source, key).toBe("invented");
    for (const reason of allReasons(scenario)) {
      if (!/this scenario/i.test(reason.text)) continue;
      expect(reason.source, reason.text).toBe("invented");
    }
    // A sourced reason may quote the source's own percentages, never only the scenario's.
    const sourced = allReasons(scenario).filter((r) => r.source !== "invented");
    for (const r of sourced) {
      const quoted = r.text.match(/\d+%/g) ?? [];
      for (const q of quoted) expect(["15%", "24%", "37%"], `${q} in “${r.text}”`).toContain(q);
    }
  });
});
