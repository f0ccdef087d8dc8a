import { expect, test } from "vitest";
import { IntegerMap } from "./integer-map";
import { createRng } from "./rng";

test("an IntegerMap answers like a Map for keys across the whole range, through growth and overwrites", () => {
  const rng = createRng("integer-map");
  const map = new IntegerMap(4);
  const reference = new Map<number, number>();
  const keyOf = () => {
    // Small keys, keys sharing their low or high 32 bits, and keys near 2^53.
    const high = Math.floor(rng.next() * 2 ** 21);
    const low = Math.floor(rng.next() * 2 ** 32);
    const r = rng.next();
    return r < 0.25 ? Math.floor(rng.next() * 64) : r < 0.5 ? high * 2 ** 32 : r < 0.75 ? low : high * 2 ** 32 + low;
  };
  for (let k = 0; k < 20_000; k++) {
    const key = keyOf();
    expect(map.get(key)).toBe(reference.get(key) ?? -1);
    if (rng.next() < 0.6) {
      const value = Math.floor(rng.next() * 2 ** 31);
      map.set(key, value);
      reference.set(key, value);
    }
  }
  expect(map.size).toBe(reference.size);
  for (const [key, value] of reference) expect(map.get(key)).toBe(value);
});

test("an IntegerMap refuses keys and values it cannot hold", () => {
  const map = new IntegerMap();
  expect(() => map.set(-1, 0)).toThrow(RangeError);
  expect(() => map.set(2 ** 53, 0)).toThrow(RangeError);
  expect(() => map.set(1.5, 0)).toThrow(RangeError);
  expect(() => map.set(1, -1)).toThrow(RangeError);
});
