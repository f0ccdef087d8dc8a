import fc from "fast-check";
import { expect, test } from "vitest";
import { SCENARIOS } from "@/lib/sim/scenarios";
import { MAX_RUN_CASES } from "./policy";
import { BEYOND_REACH, DESK_FILES_MAX, DESK_FILES_MIN, LESSON_MINUTES_MAX, planDistrict } from "./district-plan";

const classScenarios = SCENARIOS.filter((s) => s.caseload.cases <= MAX_RUN_CASES);
const lesson = fc.record({
  scenario: fc.constantFrom(...classScenarios),
  speed: fc.double({ min: 0.5, max: 60, noNaN: true }),
  procurators: fc.integer({ min: 1, max: 40 }),
  petitioners: fc.integer({ min: 0, max: 260 }),
});

test("every desk holds its share of classmates' cases and the fewest files; no more than the scenario or a phone can hold", () => {
  fc.assert(
    fc.property(lesson, (input) => {
      const plan = planDistrict(input)!;
      const fits = Math.floor(input.scenario.caseload.cases / input.procurators);
      const fewest = Math.max(DESK_FILES_MIN, Math.ceil(input.petitioners / input.procurators));
      expect(plan.filesPerDesk).toBeGreaterThanOrEqual(fewest);
      expect(plan.filesPerDesk).toBeLessThanOrEqual(Math.max(fewest, Math.min(fits, DESK_FILES_MAX)));
      expect(plan.files).toBe(plan.filesPerDesk * input.procurators);
    }),
  );
});

test("a class working briskly keeps up only partly: the desk holds more than it can decide, unless capped", () => {
  fc.assert(
    fc.property(lesson, (input) => {
      const plan = planDistrict(input)!;
      const capped =
        plan.filesPerDesk >= Math.min(DESK_FILES_MAX, Math.floor(input.scenario.caseload.cases / input.procurators));
      if (!capped) expect(plan.filesPerDesk).toBeGreaterThanOrEqual(Math.ceil(plan.briskDecisions * BEYOND_REACH));
      if (!capped && plan.briskDecisions > 0) expect(plan.filesPerDesk).toBeGreaterThan(plan.briskDecisions);
    }),
  );
});

test("a longer lesson (a slower clock) never makes the district smaller", () => {
  fc.assert(
    fc.property(lesson, fc.double({ min: 1, max: 10, noNaN: true }), (input, slower) => {
      const fast = planDistrict(input)!;
      const slow = planDistrict({ ...input, speed: input.speed / slower })!;
      expect(slow.filesPerDesk).toBeGreaterThanOrEqual(fast.filesPerDesk);
      expect(slow.lessonMinutes).toBeGreaterThanOrEqual(fast.lessonMinutes);
      expect(slow.playedMinutes).toBeLessThanOrEqual(LESSON_MINUTES_MAX);
    }),
  );
});

test("the form's sentence says what was chosen and why; no procurators, no district", () => {
  const rostov = classScenarios.find((s) => s.id === "rostov-1954")!;
  const plan = planDistrict({ scenario: rostov, speed: 7, procurators: 5, petitioners: 25 })!;
  // 240 days at 7 a minute: about 34 minutes, about 22 files at a brisk pace, half as many again on each desk.
  expect(plan).toMatchObject({ filesPerDesk: 33, files: 165, briskDecisions: 22, limitedBy: "pace" });
  expect(plan.explanation).toMatch(/33 files \(165 in the class's district\).*about 34 minutes.*about 22/);
  // A slow clock plays longer than a lesson: the district is sized for one period (45 minutes, 30 files brisk).
  const slow = planDistrict({ scenario: rostov, speed: 1, procurators: 5, petitioners: 25 })!;
  expect(slow).toMatchObject({ filesPerDesk: 45, briskDecisions: 30, lessonMinutes: 240, playedMinutes: 45 });
  expect(slow.explanation).toMatch(/about 240 minutes; the district is sized for one 45-minute lesson/);
  expect(planDistrict({ scenario: rostov, speed: 7, procurators: 0, petitioners: 25 })).toBeNull();
  expect(planDistrict({ scenario: rostov, speed: Number.NaN, procurators: 3, petitioners: 25 })).toBeNull();
});
