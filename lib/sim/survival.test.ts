import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { describeWait, kaplanMeier, waitAtLeast } from "./survival";

const days = fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 60 });
const km = (decided: number[], waiting: number[]) =>
  kaplanMeier(Float64Array.from(decided), Float64Array.from(waiting));

describe("waits counting the cases still waiting (Kaplan–Meier)", () => {
  test("with nobody still waiting, the median is the ordinary one: the day by which half were decided", () => {
    fc.assert(
      fc.property(
        days.filter((d) => d.length > 0),
        (decided) => {
          const sorted = [...decided].sort((a, b) => a - b);
          const half = sorted[Math.ceil(sorted.length / 2) - 1]!;
          expect(km(decided, []).median).toBe(half);
        },
      ),
    );
  });

  test("cases still waiting longer than every decided one never bring the median down", () => {
    fc.assert(
      fc.property(
        days.filter((d) => d.length > 0),
        fc.integer({ min: 1, max: 40 }),
        (decided, stillWaiting) => {
          const longest = Math.max(...decided);
          const with_ = km(
            decided,
            Array.from({ length: stillWaiting }, () => longest + 1),
          );
          const without = km(decided, []);
          expect(waitAtLeast(with_)!).toBeGreaterThanOrEqual(waitAtLeast(without)!);
        },
      ),
    );
  });

  test("when fewer than half are decided and the rest wait longer, the median is not reached: “more than N days”", () => {
    fc.assert(
      fc.property(days, fc.integer({ min: 1, max: 40 }), (decided, extra) => {
        const waiting = decided.length + extra; // more still waiting than decided
        const longest = Math.max(0, ...decided) + 10;
        const w = km(
          decided,
          Array.from({ length: waiting }, () => longest),
        );
        expect(w.median).toBeNull();
        expect(w.medianAtLeast).toBe(longest);
        expect(describeWait(w)).toBe(`more than ${longest} days`);
        expect(w).toMatchObject({ decided: decided.length, waiting });
      }),
    );
  });

  test("a case still waiting leaves the risk set at its wait: the textbook example", () => {
    // Decided at 2, 4, 6; one still waiting at 3. S(2) = 3/4, S(4) = 3/4 · 1/2 = 3/8 ≤ 0.5.
    const w = km([2, 4, 6], [3]);
    expect(w.median).toBe(4);
    expect(describeWait(w)).toBe("4 days");
    expect(describeWait(km([], []))).toBe("—");
  });
});
