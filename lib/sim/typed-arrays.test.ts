import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { grown, repeatFirstRecord } from "./typed-arrays";

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

describe("repeatFirstRecord", () => {
  test("every record becomes the first, and nothing past the last record changes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 40 }),
        fc.nat(7),
        (record, count, beyond) => {
          const array = new Float64Array(record.length * count + beyond).fill(7.5);
          array.set(record);
          repeatFirstRecord(array, record.length, count);
          expect([...array]).toEqual([
            ...Array.from({ length: count }, () => record).flat(),
            ...Array<number>(beyond).fill(7.5),
          ]);
        },
      ),
    );
  });
});
