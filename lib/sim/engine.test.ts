import { readFileSync } from "node:fs";
import { EVENT_IDS } from "@/machines/case-events";
import { describe, expect, test } from "vitest";
import { COURT_RULINGS, DECISIONS, OUTCOMES } from "@/machines/vocabulary";
import { runScenario, sendCaseEventById, World } from "./engine";
import { calibrate } from "./calibration";
import { commissionDecisions, releasedCases } from "./metrics";
import { findScenario, SCENARIOS } from "./scenarios";
import { defineScenario, deepMerge, type DeepPartial } from "./scenarios/define";
import type { Scenario } from "./scenario-schema";

const small = (id: string, cases?: number): Scenario => {
  const s = findScenario(id)!;
  return cases ? { ...s, caseload: { ...s.caseload, cases } } : s;
};

describe("determinism", () => {
  test("the same scenario and seed give the same run, byte for byte", () => {
    const a = runScenario(small("chita-1954", 300), 7);
    const b = runScenario(small("chita-1954", 300), 7);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  test("a different seed gives a different run", () => {
    expect(JSON.stringify(runScenario(small("chita-1954", 300), 1))).not.toBe(
      JSON.stringify(runScenario(small("chita-1954", 300), 2)),
    );
  });

  test("a player's action on one case does not reshuffle the others", () => {
    const scenario = small("rostov-1954", 200);
    const plain = new World(scenario, 3);
    const touched = new World(scenario, 3);
    plain.advanceTo(30);
    touched.advanceTo(30);
    const i = Array.from({ length: 200 }, (_, k) => k).find(
      (k) => touched.caseState(k).path === "complaint.unwritten",
    )!;
    expect(sendCaseEventById(touched, i, { type: "complaint.file", addressee: "presidium" })).toBe(true);
    plain.advanceTo(scenario.horizonDays);
    touched.advanceTo(scenario.horizonDays);
    let differ = 0;
    for (let k = 0; k < 200; k++) if (k !== i && plain.caseState(k).path !== touched.caseState(k).path) differ++;
    // Other cases share only the commission's desks and clerks, so at most a few shift in time.
    expect(differ).toBeLessThan(20);
  });

  test("the same timed player actions give the same run", () => {
    const scenario = small("chita-1954", 300);
    const play = () => {
      const world = new World(scenario, 12);
      world.advanceTo(40);
      world.applyEffect({ set: "desks.procurators", value: 6 });
      world.advanceTo(90.5);
      world.applyEffect({ action: "sendAllLists" });
      world.advanceTo(scenario.horizonDays);
      return JSON.stringify(world.result(12));
    };
    expect(play()).toBe(play());
  });

  test("a bot's plan made for an earlier state is dropped once a player moved the case on", () => {
    const base = small("missing-spravka-1955", 300);
    const scenario = deepMerge(base, {
      institutions: { spravkaWait: { kind: "fixed", days: 10 }, spravkaIssueShare: [0, 0, 0, 0] },
    });
    const world = new World(scenario, 5);
    let found = -1;
    let day = 0;
    while (found < 0 && day < scenario.horizonDays - 20) {
      world.advanceTo(++day);
      for (let k = 0; k < 300 && found < 0; k++) if (world.caseState(k).path === "spravka.awaiting") found = k;
    }
    expect(found).toBeGreaterThanOrEqual(0);
    // The bot's own complaint is due within 10 days of the case arriving; the player complains first.
    world.advanceTo(day + 5);
    expect(sendCaseEventById(world, found, { type: "spravka.request" })).toBe(true);
    world.advanceTo(day + 12);
    expect(world.caseState(found).path).toBe("spravka.atLocalMvd");
    world.advanceTo(day + 16);
    expect(world.caseState(found).path).toBe("spravka.atProvincialProcuracy");
  });
});

describe("invariants on every run", () => {
  test.each(SCENARIOS.filter((s) => s.id !== "national-1954").map((s) => [s.id]))("%s: outcomes sum to cases", (id) => {
    const result = runScenario(small(id, Math.min(400, findScenario(id)!.caseload.cases)), 11);
    const total = OUTCOMES.reduce((sum, o) => sum + result.outcomes[o], 0);
    expect(total).toBe(result.cases);
    expect(commissionDecisions(result)).toBeLessThanOrEqual(result.cases);
    expect(result.stages.every((s) => s.meanWaitDays >= 0 && s.maxQueue <= result.cases)).toBe(true);
    if (result.daysToDecision.median !== null) expect(result.daysToDecision.median).toBeGreaterThanOrEqual(0);
  });

  test("the tally counts every case exactly once, at any time", () => {
    const world = new World(small("rostov-1954", 300), 4);
    for (const day of [0, 10, 60, 240]) {
      world.advanceTo(day);
      const { stages, unpursued, decided } = world.tally();
      const waiting = Object.values(stages).reduce((a, b) => a + b, 0);
      // The caseload, and the new arrests of January 1955 that have come by then (RULES.newArrests).
      expect(world.caseCount).toBeGreaterThanOrEqual(300);
      expect(waiting + unpursued + decided).toBe(world.caseCount);
      expect(Math.min(waiting, unpursued, decided)).toBeGreaterThanOrEqual(0);
    }
    expect(world.tally().decided).toBeGreaterThan(0);
  });

  test("the tally's releases only grow, and at the end are the result's released cases", () => {
    const world = new World(small("chita-1954", 400), 6);
    let before = 0;
    for (const day of [0, 30, 90, 200, 400, 520]) {
      world.advanceTo(day);
      const { released } = world.tally();
      expect(released).toBeGreaterThanOrEqual(before);
      expect(released).toBeLessThanOrEqual(400);
      before = released;
    }
    expect(before).toBeGreaterThan(0);
    expect(before).toBe(releasedCases(world.result(6)));
  });

  test("a case's version changes exactly when the case does, and canSend never changes anything", () => {
    const world = new World(small("rostov-1954", 50), 4);
    const before = JSON.stringify(world.save());
    const v = world.caseVersion(0);
    expect(world.canSend(0, EVENT_IDS.fileTo[0]!)).toBe(true);
    expect(world.canSend(0, EVENT_IDS.decide[0]!)).toBe(false);
    expect(JSON.stringify(world.save())).toBe(before);
    world.sendCaseEvent(0, EVENT_IDS.fileTo[0]!);
    expect(world.caseVersion(0)).not.toBe(v);
  });

  test("a seated case keeps its story (day and event of every change); other cases keep none; a save keeps it", () => {
    const scenario = small("rostov-1954", 200);
    const world = new World(scenario, 8);
    world.assignSeat(3, "petitioner");
    world.advanceTo(5);
    expect(world.caseHistory(3)).toEqual([]);
    expect(sendCaseEventById(world, 3, { type: "complaint.file", addressee: "kgb" })).toBe(true);
    world.advanceTo(scenario.horizonDays);
    const story = world.caseHistory(3);
    expect(story[0]).toEqual({ day: 5, event: { type: "complaint.file", addressee: "kgb" } });
    expect(story.length).toBeGreaterThan(1); // the letter went somewhere
    for (let k = 1; k < story.length; k++) expect(story[k]!.day).toBeGreaterThanOrEqual(story[k - 1]!.day);
    expect(world.caseHistory(4)).toEqual([]);

    const half = new World(scenario, 8);
    half.assignSeat(3, "petitioner");
    half.advanceTo(5);
    sendCaseEventById(half, 3, { type: "complaint.file", addressee: "kgb" });
    half.advanceTo(60);
    const resumed = World.resume(scenario, JSON.parse(JSON.stringify(half.save())));
    resumed.advanceTo(scenario.horizonDays);
    expect(resumed.caseHistory(3)).toEqual(story);
  });

  test("nothing happens before its time: the clock never runs backwards", () => {
    const world = new World(small("chita-1954", 300), 5);
    let last = 0;
    for (let day = 0; day <= 520; day += 13) {
      world.advanceTo(day);
      expect(world.now).toBeGreaterThanOrEqual(last);
      last = world.now;
    }
    expect(world.now).toBe(520);
  });

  test("a run stopped halfway and continued ends where an uninterrupted run ends", () => {
    const scenario = small("stalingrad-1955", 400);
    const straight = runScenario(scenario, 9);
    const world = new World(scenario, 9);
    world.advanceTo(100);
    world.advanceTo(101.5);
    world.advanceTo(scenario.horizonDays);
    expect(world.result(9)).toEqual(straight);
  });

  test("an injected event takes effect from its day: the camps send their lists", () => {
    const scenario = small("missing-lists-1954", 300);
    const waiting = new World(scenario, 2);
    const sent = new World(scenario, 2);
    waiting.advanceTo(150);
    sent.advanceTo(150);
    sent.applyEffect({ action: "sendAllLists" });
    const inLists = (w: World) =>
      Array.from({ length: 300 }, (_, i) => w.caseState(i).path).filter((p) => p.startsWith("lists.")).length;
    expect(inLists(waiting)).toBeGreaterThan(0);
    expect(inLists(sent)).toBe(0);
  });
});

describe("scenarios", () => {
  test("ship the ten seed ids of the brief", () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual([
      "rostov-1954",
      "chita-1954",
      "tomsk-1955",
      "missing-lists-1954",
      "stalingrad-1955",
      "january-1955-dockets",
      "complaints-to-accused",
      "petitioning-the-top-1955",
      "missing-spravka-1955",
      "national-1954",
    ]);
  });

  test.each(SCENARIOS.map((s) => [s.id, s]))(
    "%s: every parameter traces to a source or is labelled invented",
    (_id, scenario) => {
      const covered = Object.keys(scenario.provenance);
      for (const path of leafPaths(scenario)) {
        if (/^(schemaVersion|id|title|summary|compare|provenance)(\.|$)/.test(path)) continue;
        expect(
          covered.some((p) => path === p || path.startsWith(`${p}.`)),
          path,
        ).toBe(true);
      }
    },
  );

  test("a scenario that breaks the schema is refused with the path of the problem", () => {
    expect(() =>
      defineScenario({ id: "bad", title: "t", summary: "s", compare: [], desks: { procurators: 0 } }),
    ).toThrow(/desks/);
  });

  test("a figure can restate only another of the scenario's own figures", () => {
    const figure = { value: 1, tolerance: 1, label: "l", source: "adler-ch3" } as const;
    expect(() =>
      defineScenario({
        id: "bad",
        title: "t",
        summary: "s",
        compare: [{ ...figure, metric: "upheldCases", restates: "upheldShare", fitted: false }],
      }),
    ).toThrow(/compare.*restates/s);
    expect(
      defineScenario({
        id: "ok",
        title: "t",
        summary: "s",
        compare: [
          { ...figure, metric: "upheldShare", fitted: true },
          { ...figure, metric: "upheldCases", restates: "upheldShare", fitted: false },
        ],
      }).compare[1]!.restates,
    ).toBe("upheldShare");
  });
});

function leafPaths(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

/**
 * Calibration: each provincial scenario, with its default bots, reproduces
 * its headline figures within the stated tolerance, averaged over seeds.
 */
describe("calibration against the historical record", () => {
  // Every province but the national queue (npm run calibrate covers it), over three seeds.
  // The 1945 amnesty's figures are checked in lib/sim/amnesty/engine.test.ts.
  const rows = calibrate(
    [1, 2, 3],
    SCENARIOS.filter((s) => s.id !== "national-1954"),
    [],
  );

  test.each(rows.filter((r) => r.fitted).map((r) => [r.scenario, r.label, r] as const))(
    "fitted: %s: %s",
    (_id, _label, row) => {
      expect(row.within, `simulated ${row.simulated.mean.toFixed(3)} vs ${row.historical}`).toBe(true);
    },
  );

  test("at least 80% of all figures, fitted and held out, are within their stated tolerance", () => {
    const within = rows.filter((r) => r.within).length;
    expect(rows.length).toBeGreaterThanOrEqual(24);
    expect(within / rows.length).toBeGreaterThanOrEqual(0.8);
  });

  test("the README's calibration table lists every figure (npm run calibrate -- --readme writes it)", () => {
    const readme = readFileSync("README.md", "utf8");
    const table = readme.slice(readme.indexOf("<!-- calibrate:start -->"), readme.indexOf("<!-- calibrate:end -->"));
    for (const s of SCENARIOS) for (const c of s.compare) expect(table, c.label).toContain(`| ${s.id} | ${c.label} [`);
  });

  test("every figure is sourced and says why its tolerance is what it is", () => {
    for (const s of SCENARIOS) {
      for (const c of s.compare) {
        expect(c.source, `${s.id}: ${c.label}`).not.toBe("invented");
        expect(c.why, `${s.id}: ${c.label}`).toBeTruthy();
      }
    }
  });
});

/** Counterfactuals respond the way a historian would expect, over several seeds. */
describe("counterfactuals", () => {
  const SEEDS = [1, 2, 3, 4];
  const base = small("chita-1954", 600);
  const mean = (f: (s: number) => number) => SEEDS.reduce((sum, s) => sum + f(s), 0) / SEEDS.length;
  const variant = (patch: DeepPartial<Scenario>) => deepMerge(base, patch);

  test("more staff ⇒ shorter waits to a decision", () => {
    const more = variant({ desks: { procurators: 12 }, institutions: { fileClerks: 18 } });
    const wait = (s: Scenario) => mean((seed) => runScenario(s, seed).daysToDecision.median ?? 1e9);
    expect(wait(more)).toBeLessThan(wait(base));
  });

  test("lists on time ⇒ more cases decided by the horizon", () => {
    const withheld = variant({ institutions: { listsWithheldShare: 0.8 } });
    const onTime = variant({ institutions: { listsWithheldShare: 0, listDelay: { kind: "fixed", days: 5 } } });
    const decided = (s: Scenario) => mean((seed) => commissionDecisions(runScenario(s, seed)));
    expect(decided(onTime)).toBeGreaterThan(decided(withheld));
  });

  test("less bias ⇒ more rehabilitations", () => {
    const lessBias = variant({ policy: { bias: 0.3 } });
    const rehab = (s: Scenario) => mean((seed) => runScenario(s, seed).decisions.fullRehabilitation.cases);
    expect(rehab(lessBias)).toBeGreaterThan(rehab(base));
  });

  test("no spravka bottleneck ⇒ more certificates", () => {
    const open = variant({
      institutions: { spravkaIssueShare: [1, 1, 1, 1], spravkaWait: { kind: "fixed", days: 7 } },
    });
    const issued = (s: Scenario) => mean((seed) => runScenario(s, seed).spravka.issued);
    expect(issued(open)).toBeGreaterThan(issued(base));
  });

  test("released cases are counted from final outcomes, and match the people the machines set free", () => {
    const world = new World(base, 1);
    world.advanceTo(base.horizonDays);
    const r = world.result(1);
    // Free: home, or out of the camp into the exile the sentence adds (RULES.exileAfterCamp).
    const free = Array.from({ length: r.cases }, (_, i) => i).filter((i) => {
      const { custody } = world.caseFacts(i);
      return custody === "released" || (custody === "exile" && world.startedInCamp(i));
    });
    expect(releasedCases(r)).toBe(free.length);
    // Those still held after the release order are decided, counted in their outcome, but not released.
    expect(releasedCases(r)).toBe(
      r.outcomes.rehabilitated +
        r.outcomes.reclassified +
        r.outcomes.amnestied +
        r.outcomes.exileEnded +
        r.outcomes.pardoned -
        r.heldAfterRelease,
    );
  });
});

describe("the driver's state labels", () => {
  test("every state the driver schedules from exists in the case machine", async () => {
    const { caseMachine } = await import("@/machines/case.machine");
    const leaves = new Set<string>();
    const walk = (node: { key: string; states: Record<string, unknown> }, prefix: string) => {
      const children = Object.values(node.states) as { key: string; states: Record<string, unknown> }[];
      if (children.length === 0) leaves.add(prefix);
      for (const child of children) walk(child, prefix ? `${prefix}.${child.key}` : child.key);
    };
    walk(caseMachine.root as never, "");
    const { DRIVER_KINDS } = await import("./engine");
    for (const path of DRIVER_KINDS) expect(leaves).toContain(path);
  });
});

describe("saving and resuming a run (the interactive driver's persistence)", () => {
  test("a run saved mid-way, through JSON, into a fresh process-like stepper, ends exactly like an uninterrupted one", async () => {
    const { CaseStepper } = await import("./case-stepper");
    const scenario = small("chita-1954", 400);
    const straight = runScenario(scenario, 21);
    const first = new World(scenario, 21);
    first.advanceTo(137.25);
    const saved = JSON.parse(JSON.stringify(first.save()));
    const resumed = World.resume(scenario, saved, new CaseStepper());
    resumed.advanceTo(scenario.horizonDays);
    expect(resumed.result(21)).toEqual(straight);
  });

  test("a player's action after resuming is applied like one made without the pause", async () => {
    const scenario = small("rostov-1954", 150);
    const a = new World(scenario, 4);
    a.advanceTo(60);
    const b = World.resume(scenario, JSON.parse(JSON.stringify(a.save())));
    for (const world of [a, b]) {
      world.applyEffect({ set: "desks.procurators", value: 9 });
      world.advanceTo(scenario.horizonDays);
    }
    expect(b.result(4)).toEqual(a.result(4));
  });

  test("a save from another machine version or another scenario is refused, not restored blindly", () => {
    const scenario = small("chita-1954", 100);
    const world = new World(scenario, 1);
    const saved = world.save();
    expect(() => World.resume(scenario, { ...saved, machineVersion: 0 })).toThrow(/another version/);
    expect(() => World.resume(small("rostov-1954", 100), saved)).toThrow(/saved for scenario "chita-1954"/);
  });
});

describe("effects: historical events and instructors' injections", () => {
  test("an injection that cannot apply is refused with a clear message and changes nothing", async () => {
    const { EffectError } = await import("./scenario-schema");
    const scenario = small("chita-1954", 100);
    const world = new World(scenario, 1);
    world.advanceTo(50);
    const before = JSON.stringify(world.save());
    expect(() => world.applyEffect({ set: "desks.tables", value: 3 })).toThrow(EffectError);
    expect(() => world.applyEffect({ set: "desks.procurators", value: -2 })).toThrow(/desks.procurators/);
    expect(() => world.applyEffect({ set: "institutions.proceedWithoutLists", value: 3 })).toThrow(/takes a boolean/);
    expect(JSON.stringify(world.save())).toBe(before);
  });

  test("a scenario whose scheduled event cannot apply is refused, naming the event", () => {
    expect(() =>
      defineScenario({
        id: "bad-event",
        title: "t",
        summary: "s",
        compare: [],
        events: [
          {
            date: "1954-07-01",
            id: "x",
            title: "x",
            source: "invented",
            effects: [{ set: "policy.nonsense", value: 1 }],
          },
        ],
      }),
    ).toThrow(/events\.0\.effects\.0|unknown setting/);
  });

  test("a staff cut slows the commission down from that day on", () => {
    const scenario = small("chita-1954", 500);
    const decided = (cut: boolean) => {
      const world = new World(scenario, 6);
      world.advanceTo(30);
      if (cut) world.applyEffect({ set: "desks.procurators", value: 1 });
      // Measured mid-run: by the horizon both runs may have worked through every file that came up.
      world.advanceTo(150);
      return commissionDecisions(world.result(6));
    };
    expect(decided(true)).toBeLessThan(decided(false));
  });
});

describe("seats: students act for their cases, bots for the rest", () => {
  test("a procurator's seat: the bot never decides that case; the student's decision is applied", () => {
    const scenario = small("chita-1954", 200);
    const world = new World(scenario, 8);
    for (let k = 0; k < 200; k++) world.assignSeat(k, "procurator");
    world.advanceTo(scenario.horizonDays);
    const paths = Array.from({ length: 200 }, (_, k) => world.caseState(k).path);
    const atDesk = paths.findIndex((p) => p === "commission.review");
    expect(atDesk).toBeGreaterThanOrEqual(0);
    expect(commissionDecisions(world.result(8))).toBe(0);
    expect(sendCaseEventById(world, atDesk, { type: "review.decide", decision: "confirmRefusal" })).toBe(true);
    expect(world.caseState(atDesk).outcome).toBe("upheld");
  });

  test("the computer helps: a file left at review past the days set is decided by a computer desk, never sooner", () => {
    const scenario = small("chita-1954", 200);
    for (const afterDays of [0, 30, 90]) {
      const world = new World(scenario, 8);
      for (let k = 0; k < 200; k++) world.assignSeat(k, "procurator");
      world.letComputerHelp(afterDays);
      const reviewFrom = new Map<number, number>();
      const waited: number[] = [];
      world.onCaseEvent = (i, id) => {
        if (i >= world.caseloadSize) return; // a new arrest of 1955: the province's desks, not the students'
        if (id === EVENT_IDS.reviewStart) reviewFrom.set(i, world.now);
        else if (world.caseState(i).path !== "commission.review" && reviewFrom.has(i) && !waited[i]) {
          waited[i] = world.now - reviewFrom.get(i)!;
        }
      };
      world.advanceTo(scenario.horizonDays);
      const decided = waited.filter((d) => d !== undefined);
      expect(decided.length, `after ${afterDays} days`).toBeGreaterThan(0);
      expect(commissionDecisions(world.result(8))).toBe(decided.length);
      for (const days of decided) expect(days).toBeGreaterThanOrEqual(afterDays);
      // Saved and resumed, the help goes on exactly as before.
      const resumed = World.resume(scenario, world.save());
      expect(resumed.save()).toEqual(world.save());
    }
  });

  test("a petitioner's seat: no bot writes that case's letters", () => {
    const scenario = deepMerge(small("missing-lists-1954", 150), { institutions: { listsWithheldShare: 1 } });
    const world = new World(scenario, 2);
    for (let k = 0; k < 150; k++) world.assignSeat(k, "petitioner");
    world.advanceTo(scenario.horizonDays);
    expect(world.result(2).letters.written).toBe(0);
    const bots = new World(scenario, 2);
    bots.advanceTo(scenario.horizonDays);
    expect(bots.result(2).letters.written).toBeGreaterThan(0);
  });

  test("a procurator's letter to the camp brings its list unless the camp withholds lists; it replays the same", () => {
    const waiting = (listsWithheldShare: number, ask: boolean) => {
      const scenario = deepMerge(small("missing-lists-1954", 300), {
        institutions: { listsWithheldShare, proceedWithoutLists: false },
      });
      const world = new World(scenario, 5);
      for (let k = 0; k < 300; k++) world.assignSeat(k, "procurator");
      // Every day, the desk writes to the camp for each file that waits for a list.
      for (let day = 1; day <= scenario.horizonDays; day++) {
        world.advanceTo(day);
        for (let k = 0; ask && k < 300; k++) {
          if (world.caseState(k).path === "lists.awaiting" && !world.deskState(k).listAsked) {
            world.recordDeskWork(k, 0.5, { list: true });
          }
        }
      }
      const stuck = Array.from({ length: 300 }, (_, k) => world.caseState(k).path).filter(
        (p) => p === "lists.awaiting",
      );
      return { stuck: stuck.length, save: JSON.stringify(world.save()) };
    };
    const [asked, silent] = [waiting(0.5, true), waiting(0.5, false)];
    expect(silent.stuck).toBeGreaterThan(20);
    expect(asked.stuck).toBeLessThan(silent.stuck * 0.8);
    // Camps that never send a list never answer a letter either.
    const [askedNever, silentNever] = [waiting(1, true), waiting(1, false)];
    expect(askedNever.stuck).toBe(silentNever.stuck);
    expect(waiting(0.5, true).save).toBe(asked.save);
  });

  test("seats survive saving and resuming", () => {
    const scenario = small("chita-1954", 100);
    const world = new World(scenario, 1);
    for (let k = 0; k < 100; k++) world.assignSeat(k, "procurator");
    const resumed = World.resume(scenario, JSON.parse(JSON.stringify(world.save())));
    resumed.advanceTo(scenario.horizonDays);
    expect(commissionDecisions(resumed.result(1))).toBe(0);
  });
});

describe("desks and clerks: first come, first served", () => {
  test("new procurators take files that were already waiting", () => {
    const scenario = deepMerge(small("stalingrad-1955", 800), { desks: { procurators: 1 } });
    const decidedBy = (day: number, extra: boolean) => {
      const world = new World(scenario, 3);
      world.advanceTo(100);
      if (extra) world.applyEffect({ set: "desks.procurators", value: 10 });
      world.advanceTo(day);
      return commissionDecisions(world.result(3));
    };
    // Within ten days of the hiring, the backlog is already moving faster.
    expect(decidedBy(110, true)).toBeGreaterThan(decidedBy(110, false));
  });
});

describe("case facts", () => {
  test("each case keeps its real article, sentencing organ, term and persons for the desks to show", () => {
    const world = new World(small("chita-1954", 400), 2);
    const facts = Array.from({ length: 400 }, (_, i) => world.caseFacts(i));
    expect(new Set(facts.map((f) => f.article))).toEqual(new Set(["58-10", "58-1", "58-7/11", "58-14"]));
    expect(new Set(facts.map((f) => f.organ)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(facts.map((f) => f.termYears))).toEqual(new Set([5, 8, 10, 15, 25]));
    expect(facts.some((f) => f.persons > 1)).toBe(true);
  });
});

describe("a file made ready before the commission sat", () => {
  test("a seated procurator's file goes from no letter to review on day 0, each step in its story", () => {
    const world = new World(small("tomsk-1955", 35), 6);
    world.advanceTo(0);
    const i = Array.from({ length: 35 }, (_, k) => k).find(
      (k) => world.caseState(k).path === "complaint.unwritten" && world.caseFacts(k).originalsElsewhere,
    )!;
    world.assignSeat(i, "procurator");
    expect(world.prepareEarlierFile(i)).toBe(true);
    world.advanceTo(0);
    expect(world.caseState(i).path).toBe("commission.review");
    const file = world.caseFacts(i);
    expect(file.originalsRequested && file.crossChecksDone === file.crossChecks).toBe(true);
    // No list yet on day 0: the commission went ahead on the complaint alone, as the decree allowed.
    expect(file.listArrived || file.complaintsOnly).toBe(true);
    expect(world.caseHistory(i).map((e) => e.event.type)).toEqual(
      expect.arrayContaining(["complaint.file", "complaint.register", "file.requestOriginals", "file.complete"]),
    );
    expect(world.prepareEarlierFile(i)).toBe(true); // already ready: nothing more to do
  });

  test("where commissions never went ahead without a list and no list has come, the file is left as it was", () => {
    const scenario = deepMerge(small("chita-1954", 200), { institutions: { proceedWithoutLists: false } });
    const world = new World(scenario, 2);
    const i = Array.from({ length: 200 }, (_, k) => k).find((k) => world.caseState(k).path === "complaint.unwritten")!;
    world.assignSeat(i, "procurator");
    const before = JSON.stringify(world.save());
    expect(world.prepareEarlierFile(i)).toBe(false);
    expect(JSON.stringify(world.save())).toBe(before);
  });
});

describe("a change of policy after the run has begun", () => {
  test.each([1, 2, 3])("weighs every decision and ruling planned after it (seed %i)", (seed) => {
    const scenario = findScenario("rostov-1954")!;
    // The first letters are planned as the world begins, by the policy then in force.
    const world = new World(scenario, seed);
    // Only one choice left of each: upholding, and courts rejecting.
    for (const d of ["fullRehabilitation", "reclassification", "sentenceReduction", "amnesty1953", "endExile"]) {
      world.applyEffect({ set: `policy.decisions.${d}`, value: 0 });
    }
    for (const r of ["suspend", "returnForInvestigation", "psychiatric"]) {
      world.applyEffect({ set: `institutions.courtRulings.${r}`, value: 0 });
    }
    const taken = new Map<number, number>();
    world.onCaseEvent = (_i, eventId) => taken.set(eventId, (taken.get(eventId) ?? 0) + 1);
    world.advanceTo(scenario.horizonDays);
    const count = (ids: readonly number[]) => ids.reduce((sum, id) => sum + (taken.get(id) ?? 0), 0);
    const upheld = EVENT_IDS.decide[DECISIONS.indexOf("confirmRefusal")]!;
    expect(count([upheld])).toBeGreaterThan(20);
    expect(count(EVENT_IDS.decide)).toBe(count([upheld]));
    expect(count(EVENT_IDS.rule)).toBe(count([EVENT_IDS.rule[COURT_RULINGS.indexOf("reject")]!]));
  });
});
