import { describe, expect, test } from "vitest";
import { World, type CaseHistoryEntry } from "@/lib/sim/engine";
import { findScenario } from "@/lib/sim/scenarios";
import { EVENT_IDS } from "@/machines/case-events";
import type { CaseEvent } from "@/machines/case-setup";
import { ADDRESSEES, SOURCE_KEYS } from "@/machines/vocabulary";
import { causeOfPath, caseWaits, WAIT_CAUSES, type CaseWaits, type WaitCause } from "./case-waits";

const SCENARIOS = ["chita-1954", "rostov-1954", "tomsk-1955", "missing-lists-1954", "missing-spravka-1955"];
const SEEDS = [3, 266, 1954];
const PETITIONERS = 12;
const PROCURATOR_FILES = 6;

/**
 * A run as a self-guided or class seat lives it: some cases with a student
 * petitioner who writes at once, writes again when a letter dies and asks
 * for the spravka when it is due; some on a student procurator's desk whose
 * files the computer decides after a while; the clock month by month.
 */
function play(scenarioId: string, seed: number) {
  const scenario = findScenario(scenarioId)!;
  const world = new World(scenario, seed);
  world.letComputerHelp(20);
  const petitioners: number[] = [];
  const procurators: number[] = [];
  for (
    let i = 0;
    i < world.caseCount && petitioners.length + procurators.length < PETITIONERS + PROCURATOR_FILES;
    i++
  ) {
    if (world.caseState(i).path !== "complaint.unwritten") continue;
    if (petitioners.length < PETITIONERS) {
      world.assignSeat(i, "petitioner");
      petitioners.push(i);
    } else {
      world.assignSeat(i, "procurator");
      procurators.push(i);
    }
  }
  petitioners.forEach((i, k) => {
    // Half write on the first day; the others later, so "nobody had written" has its time too.
    if (k % 2 === 0)
      world.fileLetter(i, { addressee: ADDRESSEES[k % ADDRESSEES.length]!, grounds: "innocence", carrier: "self" });
  });
  for (let day = 30; day <= scenario.horizonDays; day += 30) {
    world.advanceTo(day);
    petitioners.forEach((i, k) => {
      const { path } = world.caseState(i);
      if (path === "complaint.unwritten" || /^complaint\.(forwardedToAccused|lost|formReply)$/.test(path)) {
        world.fileLetter(i, {
          addressee: k % 3 === 0 ? "campAdministration" : "provincialProcuracy",
          grounds: "noEvidence",
          carrier: "relative",
        });
      }
      if (world.canSend(i, EVENT_IDS.spravkaRequest)) world.sendCaseEvent(i, EVENT_IDS.spravkaRequest);
    });
  }
  return { world, scenario, cases: [...petitioners, ...procurators] };
}

const FINAL = new Set([
  "rehabilitated",
  "reclassified",
  "reduced",
  "amnestied",
  "exileEnded",
  "upheld",
  "pardoned",
  "psychiatric",
]);

const runs = SCENARIOS.flatMap((id) => SEEDS.map((seed) => ({ id, seed, ...play(id, seed) })));
const all: { label: string; waits: CaseWaits; path: string; now: number; lastDay: number }[] = runs.flatMap(
  ({ id, seed, world, scenario, cases }) =>
    cases.map((i) => ({
      label: `${id} seed ${seed} case ${i}`,
      path: world.caseState(i).path,
      now: world.now,
      lastDay: world.caseHistory(i).at(-1)?.day ?? 0,
      waits: caseWaits({
        history: world.caseHistory(i),
        path: world.caseState(i).path,
        startDay: 0,
        endDay: world.now,
        provenance: scenario.provenance,
      }),
    })),
);

describe("a case's wait, split by cause, over real runs", () => {
  test.each(all.map((c) => [c.label, c] as const))("%s: contiguous, non-negative, adds up to the whole", (_l, c) => {
    const { segments, decidedDay, endDay } = c.waits;
    expect(segments.length).toBeGreaterThan(0);
    expect(segments[0]!.fromDay).toBe(0);
    segments.forEach((s, k) => {
      expect(s.days).toBeGreaterThan(0);
      expect(s.toDay - s.fromDay).toBeCloseTo(s.days, 9);
      if (k > 0) {
        expect(s.fromDay).toBe(segments[k - 1]!.toDay); // contiguous: no gap, no overlap
        expect(s.cause).not.toBe(segments[k - 1]!.cause);
      }
    });
    expect(segments.at(-1)!.toDay).toBe(endDay);
    const total = segments.reduce((sum, s) => sum + s.days, 0);
    expect(total).toBeCloseTo(endDay - 0, 6);
    // Decided ⇔ the case is in a final state; undecided cases run to the run's end, in the state they are in.
    expect(decidedDay !== null).toBe(FINAL.has(c.path));
    if (decidedDay === null) {
      expect(endDay).toBe(c.now);
      // (a step on the run's last moment took no time yet: it leaves no segment)
      if (c.lastDay < c.now) expect(segments.at(-1)!.cause).toBe(causeOfPath(c.path));
    } else expect(endDay).toBeLessThanOrEqual(c.now);
  });

  test("every segment carries a source, or says it is invented", () => {
    const allowed = new Set<string>([...SOURCE_KEYS, "invented"]);
    for (const c of all) {
      for (const s of c.waits.segments) {
        expect(allowed.has(s.source), `${c.label}: ${s.cause}`).toBe(true);
        expect(allowed.has(s.lengthSource), `${c.label}: ${s.cause}`).toBe(true);
        expect(s.label.length).toBeGreaterThan(0);
      }
    }
  });

  test("the runs exercise most causes and reach decisions (the properties are not checked on empty stories)", () => {
    const seen = new Set<WaitCause>(all.flatMap((c) => c.waits.segments.map((s) => s.cause)));
    expect(seen.size).toBeGreaterThanOrEqual(7);
    expect(all.filter((c) => c.waits.decidedDay !== null).length).toBeGreaterThan(all.length / 10);
  });
});

describe("a case's wait, from a story written by hand", () => {
  const at = (day: number, event: CaseEvent): CaseHistoryEntry => ({ day, event });
  const story: CaseHistoryEntry[] = [
    at(10, { type: "complaint.file", addressee: "campAdministration" }),
    at(30, { type: "complaint.forwardToAccused" }),
    at(70, { type: "complaint.file", addressee: "provincialProcuracy" }),
    { day: 75, event: { type: "complaint.file", addressee: "kgb" }, noted: true },
    at(90, { type: "complaint.register" }),
    at(150, { type: "lists.arrive" }),
    at(151, { type: "file.assemble" }),
    at(152, { type: "file.requestOriginals" }),
    at(200, { type: "file.originalsArrive" }),
    at(205, { type: "file.complete" }),
    at(230, { type: "review.start" }),
    at(231, { type: "review.decide", decision: "fullRehabilitation" }),
    at(300, { type: "court.rule", ruling: "suspend" }),
    at(320, { type: "spravka.request" }),
    at(400, { type: "spravka.issue" }),
  ];
  const provenance = findScenario("chita-1954")!.provenance;

  test("each stretch is named by what it waited for, and the spravka's arrival ends it", () => {
    const { segments, decidedDay, endDay } = caseWaits({
      history: story,
      path: "rehabilitated",
      startDay: 0,
      endDay: 500,
      provenance,
    });
    expect(segments.map((s) => [s.cause, s.fromDay, s.toDay])).toEqual([
      ["notWritten", 0, 10],
      ["transit", 10, 30],
      ["deadLetter", 30, 70],
      ["transit", 70, 90],
      ["lists", 90, 150],
      ["clerks", 150, 152],
      ["originals", 152, 200],
      ["clerks", 200, 205],
      ["desk", 205, 231],
      ["court", 231, 300],
      ["spravka", 300, 400],
    ]);
    expect(decidedDay).toBe(400);
    expect(endDay).toBe(400);
  });

  test("a story cut short runs to the run's end in the stage the case is in", () => {
    const { segments, decidedDay, endDay } = caseWaits({
      history: story.slice(0, 12),
      path: "court.awaitingHearing",
      startDay: 0,
      endDay: 260,
      provenance,
    });
    expect(decidedDay).toBeNull();
    expect(endDay).toBe(260);
    expect(segments.at(-1)).toMatchObject({ cause: "court", fromDay: 231, toDay: 260, days: 29 });
  });

  test("a refusal ends the story at once; a case with no story waited all along for a first letter", () => {
    const refused = caseWaits({
      history: [...story.slice(0, 11), at(231, { type: "review.decide", decision: "confirmRefusal" })],
      path: "upheld",
      startDay: 0,
      endDay: 500,
      provenance,
    });
    expect(refused.decidedDay).toBe(231);
    expect(refused.segments.at(-1)!.cause).toBe("desk");
    const nothing = caseWaits({ history: [], path: "complaint.unwritten", startDay: 0, endDay: 120, provenance });
    expect(nothing.segments).toMatchObject([{ cause: "notWritten", fromDay: 0, toDay: 120 }]);
  });

  test("every cause has a plain label and a known length parameter in the shipped scenarios", () => {
    for (const cause of WAIT_CAUSES) {
      const s = caseWaits({
        history: [],
        path: "complaint.unwritten",
        startDay: 0,
        endDay: 1,
        provenance,
        startPath: pathOf(cause),
      });
      expect(s.segments[0]!.cause).toBe(cause);
      expect(s.segments[0]!.lengthNote).not.toBeNull();
    }
  });
});

function pathOf(cause: WaitCause): string {
  return {
    notWritten: "complaint.unwritten",
    transit: "complaint.inTransit",
    deadLetter: "complaint.lost",
    lists: "lists.awaiting",
    clerks: "commission.queued",
    originals: "commission.fileAssembly.awaitingOriginals",
    desk: "commission.readyForReview",
    court: "court.awaitingHearing",
    heldAfterRelease: "heldAfterRelease",
    spravka: "spravka.awaiting",
  }[cause];
}
