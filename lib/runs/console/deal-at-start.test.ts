import { describe, expect, test } from "vitest";
import { World } from "@/lib/sim/engine";
import { SCENARIOS } from "@/lib/sim/scenarios";
import type { Scenario } from "@/lib/sim/scenario-schema";
import { MAX_RUN_CASES, MAX_SEATS } from "@/lib/runs/policy";
import { filesPerDesk } from "@/lib/runs/district-plan";
import { seatsFit, type SeatRole } from "@/lib/runs/deal-cases";
import { applyToWorld } from "@/lib/runs/store/apply-to-world";
import { checkLogEntry } from "@/lib/runs/store/log-entry";
import { dealAtStart } from "./deal-at-start";

/** Every shipped scenario a visitor may play alone (startSoloRun refuses larger ones). */
const PLAYABLE = SCENARIOS.filter((s) => s.caseload.cases <= MAX_RUN_CASES);
const SEEDS = Array.from({ length: 20 }, (_, k) => k + 1);
const WEEK = 7;

/**
 * A run started as the store starts one: a fresh world at day 0, the start's
 * entries checked as the store checks them and applied in order. The solo
 * procurator's desk is sized as startSoloRun sizes it (its first pace, one seat).
 */
function started(scenario: Scenario, seed: number, seats: { key: string; role: SeatRole }[], solo: boolean) {
  const world = new World(scenario, seed);
  world.advanceTo(0);
  const procurators = seats.filter((s) => s.role === "procurator").length;
  const deskFiles = filesPerDesk({ scenario, speed: 7, procurators, petitioners: seats.length - procurators });
  const { dealt, entries } = dealAtStart(world, { seed, seats, deskFiles, solo });
  const log = entries.map(checkLogEntry);
  for (const entry of log) applyToWorld(world, entry);
  return { world, dealt, log };
}

const alone = [{ key: "you", role: "procurator" as const }];

describe("a procurator playing alone has a file to read from the first week", () => {
  test.each(PLAYABLE.map((s) => [s.id, s] as const))(
    "%s: on every seed, a file on the desk is at review within seven days, and a replay of the log rebuilds the world",
    (_, scenario) => {
      for (const seed of SEEDS) {
        const { world, dealt, log } = started(scenario, seed, alone, true);
        const desk = dealt.map((d) => d.caseIndex);
        let firstDay: number | null = null;
        for (let day = 0; day <= WEEK && firstDay === null; day++) {
          world.advanceTo(day);
          if (desk.some((i) => world.caseState(i).path === "commission.review")) firstDay = day;
        }
        expect({ seed, firstDay }).toEqual({ seed, firstDay: expect.any(Number) });
        // The log alone, on a fresh world, gives the same world: nothing was searched for or drawn outside it.
        const replay = new World(scenario, seed);
        replay.advanceTo(0);
        for (const entry of log) applyToWorld(replay, entry);
        replay.advanceTo(world.now);
        expect(replay.save()).toEqual(world.save());
      }
    },
  );

  test("the same scenario and seed deal the same desk and make the same file ready", () => {
    for (const scenario of PLAYABLE) {
      const a = started(scenario, 11, alone, true).log;
      const b = started(scenario, 11, alone, true).log;
      expect(a).toEqual(b);
      expect(a.filter((e) => e.type === "district.prepared")).toHaveLength(1);
    }
  });

  test("the ready file says how it was made ready: registered, then assembled and checked, all on the first day", () => {
    const tomsk = PLAYABLE.find((s) => s.id === "tomsk-1955")!;
    const { world, log } = started(tomsk, 4, alone, true);
    const prepared = log.find((e) => e.type === "district.prepared");
    if (prepared?.type !== "district.prepared") throw new Error("no file made ready");
    const [i] = prepared.payload.cases;
    world.advanceTo(0);
    const story = world.caseHistory(i!);
    expect(story.every((e) => e.day === 0)).toBe(true);
    expect(story.map((e) => e.event.type)).toEqual(
      expect.arrayContaining([
        "complaint.file",
        "complaint.register",
        "file.assemble",
        "file.complete",
        "review.start",
      ]),
    );
    // Tomsk's files all need testimony checked against other cases (the source): this one's checks are done.
    const facts = world.caseFacts(i!);
    expect(facts.crossChecks).toBeGreaterThan(0);
    expect(facts.crossChecksDone).toBe(facts.crossChecks);
  });

  test("a class's desks are dealt as before: no file is made ready for them", () => {
    for (const scenario of PLAYABLE) {
      const seats = [
        { key: "a", role: "procurator" as const },
        { key: "b", role: "petitioner" as const },
      ];
      const { log } = started(scenario, 3, seats, false);
      expect(log.some((e) => e.type === "district.prepared")).toBe(false);
    }
  });

  test("a petitioner playing alone gets no ready file: it is the procurator's desk that waits", () => {
    const { log } = started(PLAYABLE[0]!, 2, [{ key: "you", role: "petitioner" }], true);
    expect(log.map((e) => e.type)).toEqual(["seats.deal"]);
  });
});

describe("a lecture hall of MAX_SEATS", () => {
  test("the default scenario seats a full hall, one in ten procurators, each student in a part of their own", () => {
    const scenario = PLAYABLE.find((s) => s.id === "rostov-1954")!;
    const procurators = Math.round(MAX_SEATS / 10);
    const petitioners = MAX_SEATS - procurators;
    const deskFiles = filesPerDesk({ scenario, speed: 7, procurators, petitioners });
    expect(seatsFit(scenario.caseload.cases, procurators, petitioners, deskFiles)).toBe(true);
    const seats = Array.from({ length: MAX_SEATS }, (_, k) => ({
      key: `seat-${k}`,
      role: (k < procurators ? "procurator" : "petitioner") as SeatRole,
    }));
    const { dealt } = started(scenario, 1, seats, false);
    // Never two students in the same part of one case; every seat dealt; every classmate's case on a desk.
    const parts = dealt.map((d) => `${d.role}|${d.caseIndex}`);
    expect(new Set(parts).size).toBe(parts.length);
    expect(new Set(dealt.map((d) => d.key)).size).toBe(MAX_SEATS);
    const onDesks = new Set(dealt.filter((d) => d.role === "procurator").map((d) => d.caseIndex));
    expect(dealt.filter((d) => d.role === "petitioner").every((d) => onDesks.has(d.caseIndex))).toBe(true);
  });
});
