import { describe, expect, test } from "vitest";
import { judgeAction, type SeatSituation } from "@/lib/desk/available-actions";
import { commandEntry } from "@/lib/desk/commands";
import type { SentLetter } from "@/lib/desk/letters";
import { dealSeats } from "@/lib/runs/deal-cases";
import { applyToWorld } from "@/lib/runs/store/apply-to-world";
import type { SeatAction } from "@/lib/runs/validation";
import { World } from "@/lib/sim/engine";
import { SCENARIOS } from "@/lib/sim/scenarios";
import type { Addressee, Grounds } from "@/machines/vocabulary";
import { caseView } from "./views";

/**
 * The petitioner's timeline is what reached them, so it only grows: a paper
 * once in their hands never leaves the list, and "the spravka is in your
 * hands" appears only after the certificate was issued. Played on a real
 * World through the desk's own verdicts (as lib/desk/persistent-petitioner.test.ts
 * does), day by day to the scenario's horizon.
 */

const IN_HAND = "Rehabilitated: the spravka is in your hands";

/** Case states in which a new letter enters the case machine. */
const CAN_WRITE = ["complaint.unwritten", "complaint.formReply", "complaint.lost", "complaint.forwardedToAccused"];

type Strategy = { addressee: Addressee; grounds: Grounds; carrier: "self" | "relative"; persistent: boolean };

const STRATEGIES: Record<string, Strategy> = {
  // The tryout's case: one letter to the camp procurator on the amnesty, then skip ahead.
  "camp procurator, amnesty, once": {
    addressee: "campProcurator",
    grounds: "amnesty",
    carrier: "self",
    persistent: false,
  },
  "provincial procuracy, no evidence, again and again": {
    addressee: "provincialProcuracy",
    grounds: "noEvidence",
    carrier: "relative",
    persistent: true,
  },
};

const CASES = [
  ...["chita-1954", "tomsk-1955", "missing-spravka-1955"].flatMap((scenario) =>
    Object.keys(STRATEGIES).flatMap((strategy) => [1, 2, 3, 42].map((seed) => [scenario, strategy, seed] as const)),
  ),
  // Seeds that bring the spravka to hand (lib/desk/persistent-petitioner.test.ts): Chita 42 above, Tomsk 139.
  ["tomsk-1955", "provincial procuracy, no evidence, again and again", 139] as const,
];

type Day = { day: number; path: string; received: string[]; headline: string; issued: boolean };

const played = new Map<string, Day[]>();

/** The seat's view of its case on every day of the run (computed once per run). */
function timeline(scenarioId: string, strategyName: string, seed: number): Day[] {
  const key = `${scenarioId}|${strategyName}|${seed}`;
  if (!played.has(key)) played.set(key, play(scenarioId, strategyName, seed));
  return played.get(key)!;
}

function play(scenarioId: string, strategyName: string, seed: number): Day[] {
  const scenario = SCENARIOS.find((s) => s.id === scenarioId)!;
  const strategy = STRATEGIES[strategyName]!;
  const world = new World(scenario, seed);
  const i = dealSeats(world, seed, [], [{ key: "seat", role: "petitioner" }], 0)[0]!.caseIndex;
  world.assignSeat(i, "petitioner");
  const letters: SentLetter[] = [];
  const seat = (): SeatSituation => ({ role: "petitioner", status: "running", hoursLeft: 0, letters });
  const act = (action: SeatAction) => {
    if (!judgeAction(world, i, seat(), action).ok) return;
    const entry = commandEntry({ caseIndex: i, action, hours: 0, actor: "seat:1", requestId: "r" }, world);
    expect(applyToWorld(world, entry)).toBe(true);
    if (action.type === "complaint.file") letters.push({ simDay: world.now, carrier: action.carrier });
  };
  const days: Day[] = [];
  for (let day = 0; day <= scenario.horizonDays; day++) {
    world.advanceTo(day);
    if (CAN_WRITE.includes(world.caseState(i).path) && (strategy.persistent || letters.length === 0)) {
      const { addressee, grounds, carrier } = strategy;
      act({ type: "complaint.file", addressee, grounds, carrier, ask: "release" });
    }
    if (strategy.persistent) act({ type: "spravka.request" });
    const view = caseView(world, i, seat());
    days.push({
      day,
      path: world.caseState(i).path,
      received: (view.received ?? []).map((r) => `${r.day}|${r.kind}|${r.title}|${r.text}`),
      headline: view.outcomeLabel,
      issued: world.caseHistory(i).some((h) => h.event.type === "spravka.issue"),
    });
  }
  return days;
}

describe("a petitioner's timeline only grows, and the spravka is in hand only once issued", () => {
  test.each(CASES)(
    "%s, %s, seed %i",
    (scenarioId, strategy, seed) => {
      const days = timeline(scenarioId, strategy, seed);
      for (let d = 0; d + 1 < days.length; d++) {
        const [today, tomorrow] = [days[d]!, days[d + 1]!];
        expect(tomorrow.received.slice(0, today.received.length), `day ${today.day} → ${tomorrow.day}`).toEqual(
          today.received,
        );
      }
      for (const { day, received, headline, issued } of days) {
        if (issued) continue;
        expect(
          received.some((r) => r.includes(IN_HAND)),
          `day ${day}`,
        ).toBe(false);
        expect(headline, `day ${day}`).not.toBe(IN_HAND);
      }
    },
    60_000,
  );

  test("the runs reach where it broke: a rehabilitation the camp has not carried out, and a spravka issued", () => {
    const all = CASES.flatMap(([scenarioId, strategy, seed]) => timeline(scenarioId, strategy, seed));
    expect(
      all.some((d) => d.path === "heldAfterRelease" && d.received.some((r) => r.includes("The court's notice"))),
    ).toBe(true);
    expect(all.some((d) => d.issued)).toBe(true);
  }, 120_000);
});
