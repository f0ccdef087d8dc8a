import { describe, expect, test } from "vitest";
import { applyToWorld } from "@/lib/runs/store/apply-to-world";
import type { RunStatus } from "@/lib/runs/run-status";
import type { SeatRole } from "@/lib/runs/deal-cases";
import { LETTERS_PER_CASE } from "@/lib/runs/policy";
import type { SeatAction } from "@/lib/runs/validation";
import { World } from "@/lib/sim/engine";
import { findScenario } from "@/lib/sim/scenarios";
import type { Scenario } from "@/lib/sim/scenario-schema";
import { ADDRESSEES, ASKS, GROUNDS } from "@/machines/vocabulary";
import { availableActions, judgeAction, ROLE_ACTIONS, type Offer, type SeatSituation } from "./available-actions";
import { commandEntry } from "./commands";
import { RECLASSIFIED_MAX_YEARS } from "./decisions";
import type { SentLetter } from "./letters";

/**
 * The desk's one promise: what it offers is exactly what its commands
 * accept, and an accepted command really happens. Checked on every case
 * state a seated case reaches in seeded runs of several scenarios, for both
 * roles, in every run status, with no hours left, some or all, and with
 * letters that hit the game's pace.
 */

const SEATED = 10;
const STATUSES: RunStatus[] = ["running", "paused", "debrief", "lobby"];

const small = (id: string, cases: number): Scenario => {
  const s = findScenario(id)!;
  return { ...s, caseload: { ...s.caseload, cases } };
};

/** A concrete command for an offer: a letter in someone's words, a decision with details that fit the case. */
function commandFor(offer: Offer, termYears: number): SeatAction {
  switch (offer.type) {
    case "complaint.file":
      return { type: offer.type, carrier: offer.carrier, addressee: ADDRESSEES[0], grounds: GROUNDS[0], ask: ASKS[0] };
    case "review.decide": {
      const justification = "The file holds a confession and nothing else.";
      if (offer.decision === "reclassification") {
        return {
          type: offer.type,
          decision: offer.decision,
          justification,
          toArticle: "109",
          newTermYears: Math.min(termYears, RECLASSIFIED_MAX_YEARS),
        };
      }
      if (offer.decision === "sentenceReduction") {
        return { type: offer.type, decision: offer.decision, justification, newTermYears: Math.max(1, termYears - 1) };
      }
      return { type: offer.type, decision: offer.decision, justification };
    }
    default:
      return { type: offer.type };
  }
}

function situations(world: World, role: SeatRole, hoursPerDay: number): SeatSituation[] {
  const today = world.now;
  const paced: SentLetter[][] = [
    [],
    [{ simDay: Math.max(0, today - 1), carrier: "friend" }],
    [
      { simDay: Math.max(0, today - 2), carrier: "self" },
      { simDay: Math.max(0, today - 1), carrier: "self" },
    ],
    Array.from({ length: LETTERS_PER_CASE }, (_, k) => ({ simDay: k * 10 - 1000, carrier: "self" })),
  ];
  const out: SeatSituation[] = [];
  for (const status of STATUSES) {
    if (role === "procurator") {
      for (const hoursLeft of [hoursPerDay, 1.5, 0.5, 0]) out.push({ role, status, hoursLeft, letters: [] });
    } else {
      for (const letters of paced) out.push({ role, status, hoursLeft: 0, letters });
    }
  }
  return out;
}

/** Applies an accepted command to a copy of the world, as a replay of the log would. */
function appliesOnCopy(world: World, scenario: Scenario, seed: number, command: SeatAction, i: number, hours: number) {
  const copy = new World(scenario, seed, undefined, world.save());
  const entry = commandEntry({ caseIndex: i, action: command, hours, actor: "seat:1", requestId: "r" }, copy);
  return applyToWorld(copy, entry);
}

describe("offered ⇔ accepted, on every seated case state of seeded runs", () => {
  test.each([
    ["rostov-1954", 3],
    ["chita-1954", 8],
    ["tomsk-1955", 5],
    ["missing-spravka-1955", 2],
  ])("%s, seed %i", (id, seed) => {
    const scenario = small(id, 160);
    const world = new World(scenario, seed);
    const roleOf = (i: number): SeatRole => (i < SEATED ? "procurator" : "petitioner");
    for (let i = 0; i < 2 * SEATED; i++) world.assignSeat(i, roleOf(i));
    const reached = new Set<string>();
    const replayed = new Set<string>();
    let checked = 0;
    let accepted = 0;
    const horizon = Math.min(scenario.horizonDays, 300);
    for (let day = 0; day <= horizon; day += 4) {
      world.advanceTo(day);
      for (let i = 0; i < 2 * SEATED; i++) {
        const role = roleOf(i);
        const facts = world.caseFacts(i);
        reached.add(`${role}:${world.caseState(i).path}`);
        for (const seat of situations(world, role, scenario.desks.hoursPerDay)) {
          for (const offer of availableActions(world, i, seat)) {
            const command = commandFor(offer, facts.termYears);
            const verdict = judgeAction(world, i, seat, command);
            checked++;
            expect(verdict, `${role} ${offer.type} on case ${i} at ${world.caseState(i).path}`).toEqual(offer.verdict);
            if (verdict.ok) {
              accepted++;
              // Replaying it on a copy of the world is costly: once per state and kind of action is enough.
              const kind = `${world.caseState(i).path}:${JSON.stringify(offer)}`;
              if (!replayed.has(kind)) {
                replayed.add(kind);
                expect(appliesOnCopy(world, scenario, seed, command, i, verdict.hours)).toBe(true);
              }
            }
          }
          // What the role's desk does not have is refused whatever the case.
          const other: SeatRole = role === "procurator" ? "petitioner" : "procurator";
          for (const type of ROLE_ACTIONS[other]) {
            const command = commandFor({ type, verdict: { ok: true, hours: 0 } } as Offer, facts.termYears);
            expect(judgeAction(world, i, seat, command)).toMatchObject({ ok: false, code: "forbidden" });
          }
        }
      }
      // Move the seated cases on as students would: the first thing each desk offers while the clock runs.
      for (let i = 0; i < 2 * SEATED; i++) {
        const seat: SeatSituation = {
          role: roleOf(i),
          status: "running",
          hoursLeft: scenario.desks.hoursPerDay,
          letters: [],
        };
        const offers = availableActions(world, i, seat).filter((o) => o.verdict.ok);
        const pick = offers.find((o) => o.type !== "complaint.file") ?? (day % 30 === 0 ? offers[0] : undefined);
        if (!pick || !pick.verdict.ok) continue;
        const command = commandFor(pick, world.caseFacts(i).termYears);
        const entry = commandEntry(
          { caseIndex: i, action: command, hours: pick.verdict.hours, actor: "seat:1", requestId: "r" },
          world,
        );
        expect(applyToWorld(world, entry)).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(accepted).toBeGreaterThan(50);
    // The desks met the states that matter: a file at review, the camp's list awaited, a letter on its way.
    const states = [...reached].join(" ");
    expect(states).toMatch(/procurator:commission\.review/);
    expect(states).toMatch(/petitioner:complaint\./);
  });
});

describe("the desk's verdicts", () => {
  const scenario = small("rostov-1954", 60);

  test("with no hours left, every piece of desk work and every decision waits for tomorrow, and says so", () => {
    const world = new World(scenario, 1);
    for (let i = 0; i < 60; i++) world.assignSeat(i, "procurator");
    for (let day = 0; day < 200; day += 5) {
      world.advanceTo(day);
      for (let i = 0; i < 60; i++) {
        const tired: SeatSituation = { role: "procurator", status: "running", hoursLeft: 0, letters: [] };
        for (const offer of availableActions(world, i, tired)) {
          expect(offer.verdict.ok).toBe(false);
          if (!offer.verdict.ok && offer.verdict.applies && offer.type !== "review.decide") {
            expect(offer.verdict.reason).toMatch(/hours for today are spent/);
          }
        }
      }
    }
  });

  test("an ended or paused run offers nothing, and says why", () => {
    const world = new World(scenario, 1);
    world.assignSeat(0, "petitioner");
    world.assignSeat(1, "procurator");
    for (const status of ["paused", "debrief", "archived", "lobby"] as const) {
      for (const [i, role] of [
        [0, "petitioner"],
        [1, "procurator"],
      ] as const) {
        for (const offer of availableActions(world, i, { role, status, hoursLeft: 6, letters: [] })) {
          expect(offer.verdict).toMatchObject({ ok: false, code: "notLive" });
        }
      }
    }
  });
});
