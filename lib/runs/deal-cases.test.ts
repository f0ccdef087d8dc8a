import fc from "fast-check";
import { expect, test } from "vitest";
import { World } from "@/lib/sim/engine";
import { findScenario } from "@/lib/sim/scenarios";
import { dealSeats, type Dealt, type Desk, type SeatRole } from "./deal-cases";
import { DESK_FILES_MIN } from "./district-plan";

const scenario = findScenario("rostov-1954")!;
const world = new World(scenario, 5);

/** Seats joining in waves (the first at the start, later ones while the run is live), dealt as the server does. */
function dealInWaves(seed: number, waves: readonly (readonly SeatRole[])[], filesPerDesk = DESK_FILES_MIN): Dealt[] {
  const all: Dealt[] = [];
  let n = 0;
  for (const wave of waves) {
    const desks = new Map<string, Desk & { cases: number[] }>();
    for (const d of all) {
      const key = `${d.key}|${d.role}`;
      if (!desks.has(key)) desks.set(key, { key: d.key, role: d.role, cases: [] });
      desks.get(key)!.cases.push(d.caseIndex);
    }
    const seats = wave.map((role) => ({ key: `seat-${n++}`, role }));
    all.push(...dealSeats(world, seed, [...desks.values()], seats, filesPerDesk));
  }
  return all;
}

const waves = fc.array(fc.array(fc.constantFrom<SeatRole>("procurator", "petitioner"), { maxLength: 12 }), {
  minLength: 1,
  maxLength: 4,
});

test("a procurator who joins after a crowd of petitioners takes all their cases onto the desk", () => {
  const petitioners = Array<SeatRole>(15).fill("petitioner");
  const dealt = dealInWaves(9, [petitioners, ["procurator"]]);
  const desk = new Set(dealt.filter((d) => d.role === "procurator").map((d) => d.caseIndex));
  expect(dealt.filter((d) => d.role === "petitioner").every((d) => desk.has(d.caseIndex))).toBe(true);
  expect(desk.size).toBe(15);
});

test("once a class has a procurator, every student petitioner's case sits on exactly one procurator's desk", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000 }), waves, fc.integer({ min: 1, max: 40 }), (seed, joins, files) => {
      const dealt = dealInWaves(seed, joins, files);
      const anyProcurator = joins.flat().includes("procurator");
      const procuratorOf = new Map<number, string[]>();
      const petitionerOf = new Map<number, string[]>();
      for (const d of dealt) {
        const holders = d.role === "procurator" ? procuratorOf : petitionerOf;
        holders.set(d.caseIndex, [...(holders.get(d.caseIndex) ?? []), d.key]);
      }
      // Never two students in the same part of one case.
      for (const holders of [...procuratorOf.values(), ...petitionerOf.values()]) expect(holders).toHaveLength(1);
      if (anyProcurator) for (const i of petitionerOf.keys()) expect(procuratorOf.has(i)).toBe(true);
      // Every seat gets its share.
      const perSeat = new Map<string, number>();
      for (const d of dealt) perSeat.set(`${d.key}|${d.role}`, (perSeat.get(`${d.key}|${d.role}`) ?? 0) + 1);
      const petitioners = joins.flat().filter((r) => r === "petitioner").length;
      expect(petitionerOf.size).toBe(petitioners);
      for (const [key, count] of perSeat) {
        if (key.endsWith("|procurator")) expect(count).toBeGreaterThanOrEqual(files);
      }
    }),
    { numRuns: 60 },
  );
});

test("dealt all at the start, classmates' cases are spread evenly over the procurators' desks", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 10_000 }),
      fc.integer({ min: 1, max: 8 }),
      fc.integer({ min: 0, max: 40 }),
      (seed, p, q) => {
        const roles: SeatRole[] = [...Array<SeatRole>(q).fill("petitioner"), ...Array<SeatRole>(p).fill("procurator")];
        const dealt = dealInWaves(seed, [roles]);
        const petitioned = new Set(dealt.filter((d) => d.role === "petitioner").map((d) => d.caseIndex));
        const load = new Map<string, number>();
        for (const d of dealt)
          if (d.role === "procurator") load.set(d.key, (load.get(d.key) ?? 0) + (petitioned.has(d.caseIndex) ? 1 : 0));
        const loads = [...load.values()];
        expect(loads).toHaveLength(p);
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      },
    ),
    { numRuns: 40 },
  );
});

test("the same world, seed and seats deal the same cases", () => {
  const roles: SeatRole[] = ["petitioner", "procurator", "petitioner", "petitioner", "procurator"];
  expect(dealInWaves(42, [roles.slice(0, 3), roles.slice(3)])).toEqual(
    dealInWaves(42, [roles.slice(0, 3), roles.slice(3)]),
  );
});
