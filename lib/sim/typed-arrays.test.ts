import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { grown } from "./typed-arrays";

describe("grown", () => {
  test("keeps every value in place, zeroes the rest and keeps the kind of array", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 20 }), fc.nat(20), (values, extra) => {
        for (const array of [Int32Array.from(values), Float64Array.from(values)]) {
          const bigger = grown(array, values.length + extra);
          expect(bigger.constructor).toBe(array.constructor);
          expect([...bigger]).toEqual([...values, ...Array<number>(extra).fill(0)]);
        }
      }),
    );
  });
});
