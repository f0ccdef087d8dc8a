import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compactNumber, countWithShare, formatShare } from "./shares";

describe("counts beside shares", () => {
  test("a count reads with its share of the run's own total", () => {
    expect(countWithShare(1_153, 1_500)).toBe("1,153 (76.9%)");
    expect(countWithShare(212_348, 467_946)).toBe("212,348 (45.4%)");
    expect(countWithShare(0, 0)).toBe("0 (0%)");
  });

  test("a small share that is not nothing never reads as 0%", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1_000, max: 2_000_000 }), (count, total) => {
        expect(formatShare(count / total)).not.toBe("0%");
      }),
    );
  });

  test("axis numbers stay short enough for a phone", () => {
    expect(compactNumber(1_500)).toBe("1,500");
    expect(compactNumber(120_000)).toBe("120k");
    expect(compactNumber(467_946)).toBe("468k");
    expect(compactNumber(1_565_442)).toBe("1.6M");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), (x) => {
        expect(compactNumber(x).length).toBeLessThanOrEqual(5);
      }),
    );
  });
});
