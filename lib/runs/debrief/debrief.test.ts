import { describe, expect, test } from "vitest";
import { findScenario } from "@/lib/sim/scenarios";
import { World } from "@/lib/sim/engine";
import { historicalComparison, keyFigures, whatIf, WHAT_IFS } from "./debrief";
import { replayRun, type ReplayEntry } from "@/lib/runs/history/history";

describe("the debrief", () => {
  test("the class's figures beside this province's and the others', each with its source", () => {
    const chita = findScenario("chita-1954")!;
    const world = new World(chita, 2);
    world.advanceTo(chita.horizonDays);
    const rows = historicalComparison(world.result(2), chita);
    const upheld = rows.find((r) => r.metric === "upheldShare")!;
    expect(upheld.yours).toMatch(/^\d+%$/);
    expect(upheld.history[0]).toMatchObject({ here: true, value: "37%", source: "adler-ch3" });
    // Leningrad, Astrakhan and Balashov beside Chita.
    expect(upheld.history.map((h) => h.value)).toEqual(expect.arrayContaining(["57%", "49%", "65%"]));
    expect(rows.map((r) => r.metric)).toContain("rehabilitatedShare");
    // A count is another province's size, not a practice to compare: only this province's counts are shown.
    const reduced = rows.find((r) => r.metric === "reducedCases")!;
    expect(reduced.history.every((h) => h.here)).toBe(true);
  });

  test("each what-if changes its own run the way the sources suggest", () => {
    const rostov = findScenario("rostov-1954")!;
    const seed = 3;
    const actual = keyFigures(replayRun(rostov, seed, [], rostov.horizonDays).world.result(seed));
    const run = (id: (typeof WHAT_IFS)[number]["id"]) => whatIf(rostov, seed, [], rostov.horizonDays, id).figures;
    const days = (text: string) => Number(/\d+/.exec(text)![0]);
    expect(run("listsOnTime").decided).toBeGreaterThan(actual.decided);
    expect(days(run("twiceTheStaff").medianDays)).toBeLessThan(days(actual.medianDays));
    expect(parseInt(run("noPressure").upheldShare)).toBeLessThan(parseInt(actual.upheldShare));
    expect(run("spravkiIssued").spravkaIssued).toBeGreaterThan(actual.spravkaIssued);
  });

  test("the class's actions are replayed; one the changed world cannot take is left out and counted", () => {
    const rostov = findScenario("rostov-1954")!;
    const entries: ReplayEntry[] = [
      {
        seq: 1,
        simDay: 0,
        type: "seats.deal",
        actor: "system",
        caseIndex: null,
        payload: { cases: [[0, "procurator"]] },
      },
      {
        seq: 2,
        simDay: 5,
        type: "case.act",
        actor: "seat:1",
        caseIndex: 0,
        payload: { event: { type: "review.decide", decision: "confirmRefusal" }, hours: 1 },
      },
    ];
    expect(() => replayRun(rostov, 1, entries, 30)).toThrow(/Replay diverged/);
    expect(whatIf(rostov, 1, entries, 30, "twiceTheStaff").skipped).toBe(1);
  });
});
