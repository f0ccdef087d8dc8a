import fc from "fast-check";
import { expect, test } from "vitest";
import { MAX_SEATS, MAX_SEATS_TESTED } from "./policy";
import { createRunSchema } from "./validation";

const form = (procuratorSeats: number, petitionerSeats: number) => ({
  title: "Year 11",
  scenarioId: "rostov-1954",
  procuratorSeats,
  petitionerSeats,
  speed: 30,
});

test("a run takes up to MAX_SEATS seats in all; past that the teacher is told what the server was tested for", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 * MAX_SEATS }), fc.integer({ min: 0, max: 2 * MAX_SEATS }), (p, q) => {
      const parsed = createRunSchema.safeParse(form(p, q));
      const total = p + q;
      expect(parsed.success).toBe(total >= 1 && total <= MAX_SEATS);
      if (total > MAX_SEATS) {
        const messages = parsed.error!.issues.map((issue) => issue.message);
        expect(messages.some((m) => m.includes(MAX_SEATS_TESTED))).toBe(true);
      }
    }),
  );
  expect(createRunSchema.safeParse(form(100, MAX_SEATS - 100)).success).toBe(true);
  expect(createRunSchema.safeParse(form(100, MAX_SEATS - 99)).success).toBe(false);
});
