import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { ClassmateLetter } from "@/lib/runs/seat-view/inbox";
import { lettersByCase, lettersToDesk } from "./queries";

const letter = fc.record({
  caseIndex: fc.integer({ min: 0, max: 12 }),
  body: fc.string({ maxLength: 8 }),
  simDay: fc.integer({ min: 0, max: 400 }),
  seatNumber: fc.integer({ min: 1, max: 6 }),
});
const desk = fc.record({
  seatNumber: fc.integer({ min: 1, max: 6 }),
  cases: fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 6 }),
});

/** The rule in its plainest words: about one of the desk's cases, not written from the desk's own seat, in order. */
function plainly(letters: readonly ClassmateLetter[], d: { seatNumber: number; cases: readonly number[] }) {
  return letters.filter((l) => l.seatNumber !== d.seatNumber && d.cases.includes(l.caseIndex));
}

describe("the letters a procurator's desk may read", () => {
  test("are a classmate's letters about the desk's cases, oldest first, grouped beforehand or not", () => {
    fc.assert(
      fc.property(
        fc.array(letter, { maxLength: 40 }),
        fc.array(desk, { minLength: 1, maxLength: 5 }),
        (letters, desks) => {
          const grouped = lettersByCase(letters);
          for (const d of desks) {
            expect(lettersToDesk(letters, d)).toEqual(plainly(letters, d));
            expect(lettersToDesk(grouped, d)).toEqual(plainly(letters, d));
          }
        },
      ),
    );
  });
});
