import { describe, expect, test } from "vitest";
import { World } from "@/lib/sim/engine";
import { findScenario } from "@/lib/sim/scenarios";
import { EVENT_IDS } from "@/machines/case-events";
import { memosFor } from "./memos";

describe("memos from above", () => {
  test("the standing order first; the scenario's events as they happen, with their sources", () => {
    const scenario = findScenario("rostov-1954")!;
    const world = new World(scenario, 3);
    expect(memosFor(world, []).map((m) => m.id)).toEqual(["real-enemies", "event-special-conference-exiles"]);
    world.advanceTo(29);
    expect(memosFor(world, []).map((m) => m.id)).not.toContain("figures");
    world.advanceTo(200); // past 24 September 1954
    const memos = memosFor(world, []);
    expect(memos.find((m) => m.id === "figures")).toMatchObject({ source: "invented", text: /monthly figures/ });
    expect(memos.map((m) => m.id)).toContain("event-reclassification-ruling");
    expect(memos.find((m) => m.id === "event-reclassification-ruling")).toMatchObject({
      source: "adler-ch3",
      dateLabel: "24 September 1954",
    });
    expect(memos.map((m) => m.date)).toEqual([...memos.map((m) => m.date)].sort());
  });

  test("the standing order quotes the source's words: “real enemies of the Soviet state”, not “of the people”", () => {
    const world = new World(findScenario("rostov-1954")!, 3);
    const order = memosFor(world, []).find((m) => m.id === "real-enemies")!;
    expect(order.source).toBe("adler-ch3");
    // ../shared/domain/brief.md §7: "The memo's phrase is “real enemies of the Soviet state” (000)".
    expect(order.text).toContain("“real enemies of the Soviet state”");
    expect(order.text).not.toMatch(/enemies of the people/);
  });

  test("“why so many acquittals?” once the desk has cleared two people — and only then", () => {
    const world = new World(findScenario("rostov-1954")!, 3);
    const desk = Array.from({ length: 60 }, (_, i) => i);
    for (const i of desk) world.assignSeat(i, "procurator");
    world.advanceTo(300);
    // Files complete without originals or cross-checks reach the seat's own review at once.
    const reviewed = desk.filter((i) => world.caseState(i).path === "commission.review");
    expect(reviewed.length).toBeGreaterThanOrEqual(3);
    expect(world.sendCaseEvent(reviewed[0]!, EVENT_IDS.decide[0]!)).toBe(true); // full rehabilitation
    expect(world.sendCaseEvent(reviewed[1]!, EVENT_IDS.decide[5]!)).toBe(true); // confirm the refusal
    expect(memosFor(world, desk).some((m) => m.id === "acquittals")).toBe(false);
    // A second full rehabilitation: reclassification, the other "acquittal", is open only to some articles and dates.
    expect(world.sendCaseEvent(reviewed[2]!, EVENT_IDS.decide[0]!)).toBe(true);
    const memo = memosFor(world, desk).find((m) => m.id === "acquittals");
    // No such memo is on record: its words are the game's, the pressure behind it the source's.
    expect(memo).toMatchObject({ source: "invented", basis: "adler-ch3" });
    expect(memo!.text).toMatch(/Why so many acquittals/);
  });
});
